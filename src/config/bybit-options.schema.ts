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
import { BYBIT_ADAPTER_CATEGORIES, type BybitAdapterCategory } from '../../libs/brokers/src/index.js';

const URL_PATTERN = /^(https?|wss?):\/\/[^\s]+$/;
const ENV_NAME = /^[A-Z_][A-Z0-9_]*$/;

/**
 * Options of a Bybit account. The key and secret are best given as the names of environment variables
 * (`apiKeyEnv`, `apiSecretEnv`), so the config file holds no secret; `apiKey`/`apiSecret` take them inline.
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
  category: BybitAdapterCategory = 'linear';

  @IsBoolean()
  testnet = false;

  @IsBoolean()
  demoTrading = false;

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
  symbols: string[] = ['BTCUSDT', 'ETHUSDT'];

  @IsInt()
  @Min(1000)
  @Max(60_000)
  recvWindowMs = 5000;

  @IsInt()
  @Min(1000)
  requestTimeoutMs = 10_000;
}
