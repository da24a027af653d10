import {
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { BYBIT_ADAPTER_CATEGORIES, BYBIT_DEFAULTS, type BybitAdapterCategory } from './bybit-config.js';

const URL_PATTERN = /^(https?|wss?):\/\/[^\s]+$/;
const ENV_NAME = /^[A-Z_][A-Z0-9_]*$/;

/**
 * Options of a Bybit account (`accounts[].bybit`); anything left out takes BYBIT_DEFAULTS. The key and
 * secret are best given as the names of environment variables (`apiKeyEnv`, `apiSecretEnv`), so the
 * config file holds no secret; `apiKey`/`apiSecret` take them inline.
 */
export class BybitOptions {
  @ValidateIf((options: BybitOptions) => options.apiKeyEnv === undefined)
  @IsString({ message: 'apiKey or apiKeyEnv is required' })
  @MinLength(1)
  apiKey?: string;

  @ValidateIf((options: BybitOptions) => options.apiSecretEnv === undefined)
  @IsString({ message: 'apiSecret or apiSecretEnv is required' })
  @MinLength(1)
  apiSecret?: string;

  @IsOptional()
  @Matches(ENV_NAME, { message: 'apiKeyEnv must name an environment variable' })
  apiKeyEnv?: string;

  @IsOptional()
  @Matches(ENV_NAME, { message: 'apiSecretEnv must name an environment variable' })
  apiSecretEnv?: string;

  @IsIn(BYBIT_ADAPTER_CATEGORIES)
  category: BybitAdapterCategory = BYBIT_DEFAULTS.category;

  @IsBoolean()
  testnet: boolean = BYBIT_DEFAULTS.testnet;

  @IsBoolean()
  demoTrading: boolean = BYBIT_DEFAULTS.demoTrading;

  @IsOptional()
  @Matches(URL_PATTERN, { message: 'restBaseUrl must be an http(s) URL' })
  restBaseUrl?: string;

  @IsOptional()
  @Matches(URL_PATTERN, { message: 'wsPrivateUrl must be a ws(s) URL' })
  wsPrivateUrl?: string;

  @IsOptional()
  @Matches(URL_PATTERN, { message: 'wsPublicUrl must be a ws(s) URL' })
  wsPublicUrl?: string;

  @IsArray()
  @ArrayMinSize(1)
  @Matches(/^[A-Z0-9]{2,30}$/, { each: true, message: 'each symbol must be a Bybit symbol such as BTCUSDT' })
  symbols: string[] = [...BYBIT_DEFAULTS.symbols];

  @IsInt()
  @Min(1000)
  @Max(60_000)
  recvWindowMs: number = BYBIT_DEFAULTS.recvWindowMs;

  @IsInt()
  @Min(1000)
  requestTimeoutMs: number = BYBIT_DEFAULTS.requestTimeoutMs;
}
