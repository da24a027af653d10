import {
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { MT5_DEFAULTS } from './mt5-config.js';

const ENV_NAME = /^[A-Z_][A-Z0-9_]*$/;

/**
 * Options of a MetaTrader 5 account (`accounts[].mt5`); anything left out takes MT5_DEFAULTS. The bridge
 * token is best given as the name of an environment variable (`tokenEnv`), so the config file holds no
 * secret; `token` takes it inline. Each MT5 account listens on its own port for its terminal's EA.
 */
export class Mt5Options {
  @IsString()
  @MinLength(1)
  host: string = MT5_DEFAULTS.host;

  /** 0 picks a free port (tests); the EA's InpPort must name the one in use. */
  @IsInt()
  @Min(0)
  @Max(65_535)
  port: number = MT5_DEFAULTS.port;

  @ValidateIf((options: Mt5Options) => options.tokenEnv === undefined)
  @IsString({ message: 'token or tokenEnv is required' })
  @MinLength(16, { message: 'token must be at least 16 characters' })
  token?: string;

  @IsOptional()
  @Matches(ENV_NAME, { message: 'tokenEnv must name an environment variable' })
  tokenEnv?: string;

  @Matches(/^\d{1,19}$/, { message: 'magic must be a whole number of up to 19 digits' })
  magic: string = MT5_DEFAULTS.magic;

  /** The IANA zone the server clock follows (with serverShiftHours): America/New_York + 7 is GMT+2/+3. */
  @IsString()
  @MinLength(1)
  serverZone: string = MT5_DEFAULTS.serverClock.zone;

  @IsInt()
  @Min(-14)
  @Max(14)
  serverShiftHours: number = MT5_DEFAULTS.serverClock.shiftHours;

  @IsInt()
  @Min(100)
  connectTimeoutMs: number = MT5_DEFAULTS.connectTimeoutMs;

  @IsInt()
  @Min(100)
  requestTimeoutMs: number = MT5_DEFAULTS.requestTimeoutMs;

  @IsInt()
  @Min(0)
  @Max(10_000)
  deviationPoints: number = MT5_DEFAULTS.deviationPoints;

  @IsArray()
  @Matches(/^[A-Za-z0-9._#-]{1,32}$/, { each: true, message: 'symbols must be MT5 symbol names' })
  symbols: string[] = [...MT5_DEFAULTS.symbols];
}
