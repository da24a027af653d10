import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';
import { BROKER_VENUES, type BrokerKind, type BrokerOptionsByKind } from '#brokers';
import { BacktestConfig } from './backtest-config.schema.js';
import { HttpConfig } from './http-config.schema.js';
import { RiskLimits } from './risk-limits.schema.js';
import { StreamConfig, SyncConfig } from './sync-config.schema.js';

/** `accounts[].broker`: the kinds of the venue list. */
const BROKER_KINDS: readonly BrokerKind[] = BROKER_VENUES.map((venue) => venue.kind);

/**
 * What every account has, whatever its broker: its name in the API, which broker serves it, its risk
 * limits. Its broker's options (`paper:`, `bybit:`) are validated by that venue's options class.
 */
export class AccountSettings {
  @Matches(/^[a-z0-9][a-z0-9_-]{0,63}$/, {
    message: 'name must be lower-case letters, digits, _ or - (max 64)',
  })
  name!: string;

  @IsIn(BROKER_KINDS)
  broker!: BrokerKind;

  @IsBoolean()
  autoConnect = true;

  /** Pre-trade risk limits; left out, only the kill switch applies. */
  @IsOptional()
  @ValidateNested()
  @Type(() => RiskLimits)
  risk?: RiskLimits;
}

/** One broker account as configured: its settings and, under its kind, its broker's validated options. */
export type AccountConfig = AccountSettings & BrokerOptionsByKind;

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
  @Type(() => AccountSettings)
  accounts: AccountSettings[] = [Object.assign(new AccountSettings(), { name: 'paper', broker: 'paper' })];

  @ValidateNested()
  @Type(() => ThrottleConfig)
  throttle: ThrottleConfig = new ThrottleConfig();

  @ValidateNested()
  @Type(() => SyncConfig)
  sync: SyncConfig = new SyncConfig();

  @ValidateNested()
  @Type(() => StreamConfig)
  stream: StreamConfig = new StreamConfig();

  @ValidateNested()
  @Type(() => BacktestConfig)
  backtest: BacktestConfig = new BacktestConfig();

  @ValidateNested()
  @Type(() => HttpConfig)
  http: HttpConfig = new HttpConfig();
}
