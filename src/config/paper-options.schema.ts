import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsDecimalValue } from '../common/validation/is-decimal-value.js';

/** An instrument of a paper account, as written in the config file. */
export class PaperInstrumentOptions {
  @Matches(/^[A-Z0-9._-]{1,32}$/, { message: 'symbol must be 1-32 upper-case letters, digits, . _ or -' })
  symbol!: string;

  @IsString()
  assetClass = 'crypto';

  @IsString()
  quoteCurrency = 'USD';

  @IsDecimalValue({ positive: true })
  tickSize!: string;

  @IsDecimalValue({ positive: true })
  lotSize!: string;

  @IsDecimalValue({ positive: true })
  minQuantity!: string;

  @IsDecimalValue({ positive: true })
  startPrice!: string;

  @IsNumber()
  @Min(0)
  @Max(0.1)
  volatility = 0.0002;

  @IsInt()
  @Min(1)
  spreadTicks = 1;

  @IsDecimalValue({ positive: true })
  depth!: string;

  @IsNumber()
  @Min(1)
  @Max(500)
  leverage = 1;

  @IsOptional()
  @IsString()
  replayFile?: string;
}

/** Options of a paper account; anything left out takes the built-in default. */
export class PaperOptions {
  @IsOptional()
  @IsString()
  currency?: string;

  @IsOptional()
  @IsDecimalValue({ positive: true })
  startingCash?: string;

  @IsOptional()
  @IsNumber()
  @Min(0)
  takerFeeBps?: number;

  @IsOptional()
  @IsNumber()
  @Min(0)
  makerFeeBps?: number;

  @IsOptional()
  @IsNumber()
  @Min(0)
  slippageBps?: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  tickIntervalMs?: number;

  @IsOptional()
  @IsInt()
  seed?: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  historyMinutes?: number;

  /**
   * Where the paper broker keeps its own record of orders and fills, so it survives a restart like a
   * real broker; default `<data dir>/paper/<account>.journal.jsonl`. `false` keeps it in memory only.
   */
  @IsOptional()
  @ValidateIf((options: PaperOptions) => options.journalFile !== false)
  @IsString()
  journalFile?: string | false;

  @IsOptional()
  @ValidateNested({ each: true })
  @ArrayMinSize(1)
  @Type(() => PaperInstrumentOptions)
  instruments?: PaperInstrumentOptions[];
}
