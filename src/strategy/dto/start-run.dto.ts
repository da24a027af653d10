import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsNumber,
  IsObject,
  IsString,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsDecimalValue } from '#brokers';
import { IsOmittable } from '../../common/validation/is-omittable.js';

/** How the run sizes an order whose quantity the strategy leaves open: as a backtest's `sizing`. */
export class RunSizingDto {
  @ApiProperty({ enum: ['fixed', 'percent_of_equity'], example: 'fixed' })
  @IsIn(['fixed', 'percent_of_equity'], { message: 'sizing.kind must be fixed or percent_of_equity' })
  kind!: 'fixed' | 'percent_of_equity';

  @ApiPropertyOptional({ type: String, format: 'decimal', example: '0.01', description: 'With kind fixed' })
  @ValidateIf((sizing: RunSizingDto) => sizing.kind === 'fixed')
  @IsDecimalValue({ positive: true })
  quantity?: string;

  @ApiPropertyOptional({ example: 10, description: 'With kind percent_of_equity: percent of the equity' })
  @ValidateIf((sizing: RunSizingDto) => sizing.kind === 'percent_of_equity')
  @IsNumber({}, { message: 'sizing.percent must be a number' })
  @Min(0.01)
  @Max(100)
  percent?: number;
}

/** POST /strategies/:name/runs: run a strategy live on an account, as it ran in a backtest. */
export class StartRunDto {
  @ApiPropertyOptional({
    example: 'paper',
    description: 'Account name; defaults to the only configured account',
  })
  @IsOmittable()
  @IsString()
  account?: string;

  @ApiProperty({ example: 'BTCUSDT' })
  @Matches(/^[A-Za-z0-9._:/-]{1,32}$/, { message: 'symbol must be 1-32 letters, digits, . _ : / or -' })
  symbol!: string;

  @ApiProperty({ example: '1m', description: 'Bar length: <n>m, <n>h, <n>d or <n>w' })
  @Matches(/^[1-9]\d{0,3}[mhdw]$/, { message: 'timeframe must look like 1m, 15m, 1h, 4h or 1d' })
  timeframe!: string;

  @ApiPropertyOptional({
    example: { fast: 10, slow: 30 },
    description: "The strategy's parameters (GET /strategies); defaults fill what is left out",
  })
  @IsOmittable()
  @IsObject({ message: 'parameters must be an object' })
  parameters?: Record<string, unknown>;

  @ApiPropertyOptional({ type: RunSizingDto, description: 'Default: a fixed quantity of the lot size' })
  @IsOmittable()
  @ValidateNested()
  @Type(() => RunSizingDto)
  sizing?: RunSizingDto;
}
