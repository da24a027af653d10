// class-transformer's @Type reads the design-time types through it, whoever imports these options first.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsDecimalValue } from '../port/is-decimal-value.js';
import { IBKR_DEFAULTS, IBKR_SEC_TYPES, type IbkrSecType } from './ibkr-config.js';

/** TWS refuses more than 50 messages a second (error 100, then disconnects after three). */
export const IBKR_MAX_REQUESTS_PER_SECOND = 50;

/** The fields of an IB contract, as written in the config file. */
export class IbkrContractFieldsOptions {
  @IsString()
  @MinLength(1)
  symbol!: string;

  @IsIn(IBKR_SEC_TYPES)
  secType!: IbkrSecType;

  @IsString()
  @MinLength(1)
  exchange!: string;

  @IsOptional()
  @IsString()
  primaryExch?: string;

  @Matches(/^[A-Z]{3}$/, { message: 'currency must be a three-letter code such as USD' })
  currency!: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  conId?: number;

  @IsOptional()
  @IsString()
  localSymbol?: string;

  @IsOptional()
  @Matches(/^\d{6}(\d{2})?$/, { message: 'lastTradeDateOrContractMonth must be YYYYMM or YYYYMMDD' })
  lastTradeDateOrContractMonth?: string;

  @IsOptional()
  @IsDecimalValue({ positive: true })
  multiplier?: string;
}

/** An Edgerunner symbol and the IB contract it trades. */
export class IbkrContractOptions {
  @Matches(/^[A-Z0-9._-]{1,32}$/, { message: 'symbol must be 1-32 upper-case letters, digits, . _ or -' })
  symbol!: string;

  @ValidateNested()
  @Type(() => IbkrContractFieldsOptions)
  contract!: IbkrContractFieldsOptions;
}

/**
 * Options of an Interactive Brokers account (`accounts[].ibkr`); anything left out takes IBKR_DEFAULTS.
 * There is no secret: TWS or IB Gateway holds the login, the adapter only reaches its API port.
 */
export class IbkrOptions {
  @IsString()
  @MinLength(1)
  host: string = IBKR_DEFAULTS.host;

  @IsInt()
  @Min(1)
  @Max(65_535)
  port: number = IBKR_DEFAULTS.port;

  @IsInt()
  @Min(0)
  @Max(2_147_483_647)
  clientId: number = IBKR_DEFAULTS.clientId;

  /** Left out: the first account TWS manages for the login. */
  @IsOptional()
  @Matches(/^[A-Z0-9]{2,20}$/, { message: 'accountCode must be an IB account code such as DU1234567' })
  accountCode?: string;

  @IsInt()
  @Min(1000)
  connectTimeoutMs: number = IBKR_DEFAULTS.connectTimeoutMs;

  @IsInt()
  @Min(1000)
  requestTimeoutMs: number = IBKR_DEFAULTS.requestTimeoutMs;

  @IsInt()
  @Min(1)
  @Max(IBKR_MAX_REQUESTS_PER_SECOND)
  maxRequestsPerSecond: number = IBKR_DEFAULTS.maxRequestsPerSecond;

  @IsInt()
  @Min(10)
  reconnectInitialDelayMs: number = IBKR_DEFAULTS.reconnectInitialDelayMs;

  @IsInt()
  @Min(10)
  reconnectMaxDelayMs: number = IBKR_DEFAULTS.reconnectMaxDelayMs;

  /** Left out: AAPL, EURUSD, ESZ6 and BTCUSD, the contracts of IB's paper examples. */
  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => IbkrContractOptions)
  contracts: IbkrContractOptions[] = IBKR_DEFAULTS.contracts.map((spec) =>
    Object.assign(new IbkrContractOptions(), {
      symbol: spec.symbol,
      contract: Object.assign(new IbkrContractFieldsOptions(), spec.contract),
    }),
  );
}
