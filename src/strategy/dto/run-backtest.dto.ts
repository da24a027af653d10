import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BUILT_IN_STRATEGIES } from '#backtest/strategies/index.js';
import { describeStrategyParameters } from '../catalog/parameter-docs.js';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsDefined,
  IsIn,
  IsObject,
  IsString,
  IsUUID,
  Matches,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsDecimalValue } from '#brokers';
import { IsOmittable } from '../../common/validation/is-omittable.js';
import { IsZonedTime } from '../../common/validation/is-zoned-time.js';
import { CommissionDto, SizingDto, SlippageDto } from './backtest-costs.dto.js';

export const MARKET_FILLS = ['next_open', 'close'] as const;

/** A run reads an account's history unless it names an uploaded dataset. */
const fromAccount = (body: RunBacktestDto): boolean => body.datasetId === undefined;

/**
 * POST /backtest/run: one strategy over one data source, with fixed `parameters` (a single run) or a `grid`
 * of values to sweep (every combination run, the results ranked).
 */
export class RunBacktestDto {
  @ApiProperty({
    example: 'sma-crossover',
    enum: BUILT_IN_STRATEGIES.map((definition) => definition.name),
    description: 'A name from GET /strategies',
  })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'strategy must be a strategy name from GET /strategies' })
  strategy!: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    example: { fast: 10, slow: 30 },
    description:
      "The strategy's parameters; those left out take their defaults. With a grid: the fixed ones. " +
      `Each strategy's, with type, default and range:\n\n${describeStrategyParameters(BUILT_IN_STRATEGIES)}`,
  })
  @IsOmittable()
  @IsObject()
  parameters?: Record<string, unknown>;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'array', items: {} },
    example: { fast: [5, 10, 20], slow: [30, 50, 100] },
    description:
      'A sweep: each parameter with the values to try; every combination runs (up to backtest.maxGridCombinations). ' +
      'Combinations the strategy refuses as a pair (say fast >= slow) are skipped',
  })
  @IsOmittable()
  @IsObject()
  grid?: Record<string, unknown[]>;

  @ApiPropertyOptional({
    example: 'paper',
    description: 'Account whose history is read; defaults to the only one',
  })
  @IsOmittable()
  @IsString()
  account?: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['BTCUSDT'],
    description: 'With an account: one or more symbols, aligned by time; the first is the main one',
  })
  @ValidateIf(fromAccount)
  @IsDefined({ message: 'symbols is required unless datasetId is given' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @Matches(/^[A-Za-z0-9._/-]{1,32}$/, {
    each: true,
    message: 'each symbol must be 1-32 letters, digits or ._/-',
  })
  symbols?: string[];

  @ApiPropertyOptional({ example: '1h', description: 'With an account: the bar length (1m, 15m, 1h, 1d …)' })
  @ValidateIf(fromAccount)
  @IsDefined({ message: 'timeframe is required unless datasetId is given' })
  @Matches(/^[1-9]\d{0,3}[mhdw]$/, { message: 'timeframe must look like 1m, 15m, 1h, 4h or 1d' })
  timeframe?: string;

  @ApiPropertyOptional({
    example: '2026-01-01T00:00:00.000Z',
    description: 'First bar (UTC ISO 8601); required with an account, optional with a dataset',
  })
  @ValidateIf((body: RunBacktestDto) => fromAccount(body) || body.from !== undefined)
  @IsDefined({ message: 'from is required unless datasetId is given' })
  @IsZonedTime()
  from?: string;

  @ApiPropertyOptional({ example: '2026-01-08T00:00:00.000Z', description: 'Last bar (UTC ISO 8601)' })
  @ValidateIf((body: RunBacktestDto) => fromAccount(body) || body.to !== undefined)
  @IsDefined({ message: 'to is required unless datasetId is given' })
  @IsZonedTime()
  to?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'An uploaded dataset (POST /market-data/upload) instead of an account',
  })
  @IsOmittable()
  @IsUUID()
  datasetId?: string;

  @ApiPropertyOptional({ type: String, format: 'decimal', example: '100000', default: '100000' })
  @IsOmittable()
  @IsDecimalValue({ positive: true })
  cash?: string;

  @ApiPropertyOptional({ type: CommissionDto })
  @IsOmittable()
  @ValidateNested()
  @Type(() => CommissionDto)
  commission?: CommissionDto;

  @ApiPropertyOptional({ type: SlippageDto })
  @IsOmittable()
  @ValidateNested()
  @Type(() => SlippageDto)
  slippage?: SlippageDto;

  @ApiPropertyOptional({ type: SizingDto, description: 'Default: a fixed quantity of 1' })
  @IsOmittable()
  @ValidateNested()
  @Type(() => SizingDto)
  sizing?: SizingDto;

  @ApiPropertyOptional({
    enum: MARKET_FILLS,
    default: 'next_open',
    description: "Where market orders fill: the next bar's open, or the signal bar's close",
  })
  @IsOmittable()
  @IsIn(MARKET_FILLS)
  marketFill?: (typeof MARKET_FILLS)[number];
}
