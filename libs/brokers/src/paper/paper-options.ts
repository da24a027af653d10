// class-transformer's @Type reads the design-time types through it, whoever imports these options first.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsIn,
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
import { IsDecimalValue } from '../port/is-decimal-value.js';
import { defaultPaperAccountConfig } from './paper-defaults.js';

/** The built-in account: what every option left out takes. */
const DEFAULTS = defaultPaperAccountConfig();

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

  @IsOptional()
  @IsIn(['wall', 'file'], { message: "replayClock must be 'wall' or 'file'" })
  replayClock?: 'wall' | 'file';
}

/** Options of a paper account (`accounts[].paper`); anything left out takes the built-in account's value. */
export class PaperOptions {
  @IsString()
  currency: string = DEFAULTS.currency;

  @IsDecimalValue({ positive: true })
  startingCash: string = DEFAULTS.startingCash;

  @IsNumber()
  @Min(0)
  takerFeeBps: number = DEFAULTS.takerFeeBps;

  @IsNumber()
  @Min(0)
  makerFeeBps: number = DEFAULTS.makerFeeBps;

  @IsNumber()
  @Min(0)
  slippageBps: number = DEFAULTS.slippageBps;

  @IsInt()
  @Min(0)
  tickIntervalMs: number = DEFAULTS.tickIntervalMs;

  @IsInt()
  seed: number = DEFAULTS.seed;

  @IsInt()
  @Min(0)
  @Max(100_000)
  historyMinutes: number = DEFAULTS.historyMinutes;

  /**
   * Where the paper broker keeps its own record of orders and fills, so it survives a restart like a
   * real broker; default `<data dir>/paper/<account>.journal.jsonl`. `false` keeps it in memory only.
   */
  @IsOptional()
  @ValidateIf((options: PaperOptions) => options.journalFile !== false)
  @IsString()
  journalFile?: string | false;

  /** Left out: the built-in account's instruments (BTCUSDT, ETHUSDT, AAPL, EURUSD). */
  @IsOptional()
  @ValidateNested({ each: true })
  @ArrayMinSize(1)
  @Type(() => PaperInstrumentOptions)
  instruments?: PaperInstrumentOptions[];
}
