import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  Matches,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { BybitOptions } from './bybit-options.schema.js';
import { PaperOptions } from './paper-options.schema.js';
import { RiskLimits } from './risk-limits.schema.js';
import { StreamConfig, SyncConfig } from './sync-config.schema.js';

export const BROKER_KINDS = ['paper', 'bybit'] as const;
export type BrokerKind = (typeof BROKER_KINDS)[number];

/** One broker account: its name in the API, which broker serves it, and that broker's options. */
export class AccountConfig {
  @Matches(/^[a-z0-9][a-z0-9_-]{0,63}$/, {
    message: 'name must be lower-case letters, digits, _ or - (max 64)',
  })
  name!: string;

  @IsIn(BROKER_KINDS)
  broker!: BrokerKind;

  @IsBoolean()
  autoConnect = true;

  @ValidateIf((account: AccountConfig) => account.broker === 'paper')
  @IsOptional()
  @ValidateNested()
  @Type(() => PaperOptions)
  paper?: PaperOptions;

  /** Required for a Bybit account: its credentials and where to reach it. */
  @ValidateIf((account: AccountConfig) => account.broker === 'bybit')
  @ValidateNested()
  @Type(() => BybitOptions)
  bybit?: BybitOptions;

  /** Pre-trade risk limits; left out, only the kill switch applies. */
  @IsOptional()
  @ValidateNested()
  @Type(() => RiskLimits)
  risk?: RiskLimits;
}

/** A request budget: `limit` requests per `ttlMs` window. */
export class ThrottleLimit {
  @IsInt()
  @Min(1)
  limit = 10;

  @IsInt()
  @Min(1)
  ttlMs = 1000;
}

export class ThrottleConfig {
  /** POST /trade, per API key. */
  @ValidateNested()
  @Type(() => ThrottleLimit)
  trade: ThrottleLimit = new ThrottleLimit();

  /** Messages a /ws/broker client may send (subscribe, unsubscribe, resync), per connection. */
  @ValidateNested()
  @Type(() => ThrottleLimit)
  stream: ThrottleLimit = Object.assign(new ThrottleLimit(), { limit: 20, ttlMs: 1000 });
}

/** The optional YAML or JSON file named by EDGERUNNER_CONFIG. */
export class ConfigFile {
  @ValidateNested({ each: true })
  @ArrayMinSize(1)
  @Type(() => AccountConfig)
  accounts: AccountConfig[] = [Object.assign(new AccountConfig(), { name: 'paper', broker: 'paper' })];

  @ValidateNested()
  @Type(() => ThrottleConfig)
  throttle: ThrottleConfig = new ThrottleConfig();

  @ValidateNested()
  @Type(() => SyncConfig)
  sync: SyncConfig = new SyncConfig();

  @ValidateNested()
  @Type(() => StreamConfig)
  stream: StreamConfig = new StreamConfig();
}
