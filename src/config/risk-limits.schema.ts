import { Transform } from 'class-transformer';
import {
  ArrayUnique,
  IsArray,
  IsInt,
  IsOptional,
  Matches,
  Min,
  registerDecorator,
  type ValidationOptions,
} from 'class-validator';
import { dec, IsDecimalValue, isDecimal, toDecimalString } from '#brokers';

const SYMBOL = /^[A-Z0-9._-]{1,32}$/;
/** The key of `maxPositionQuantity` that applies to every symbol not listed. */
export const ANY_SYMBOL = '*';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Why a symbol-keyed map of positive decimals is invalid, or null when it is fine. */
function symbolDecimalMapProblem(value: unknown): string | null {
  if (!isPlainObject(value)) return 'must be a map of symbol (or "*") to a positive decimal';
  for (const [symbol, limit] of Object.entries(value)) {
    if (symbol !== ANY_SYMBOL && !SYMBOL.test(symbol)) return `key "${symbol}" is not a symbol or "*"`;
    if (!isDecimal(limit) || dec(limit).lte(0)) return `${symbol} must be a positive decimal`;
  }
  return null;
}

/**
 * A map of symbol (or `*`) to a positive decimal, kept as canonical decimal strings; `IsDecimalValue`
 * for a whole map, which class-validator cannot express with `each` on an object.
 */
function IsSymbolDecimalMap(validation?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyKey: string | symbol) => {
    Transform(({ value }: { value: unknown }) =>
      symbolDecimalMapProblem(value) === null
        ? Object.fromEntries(
            Object.entries(value as Record<string, string | number>).map(([symbol, limit]) => [
              symbol,
              toDecimalString(limit),
            ]),
          )
        : value,
    )(target, propertyKey);
    registerDecorator({
      name: 'isSymbolDecimalMap',
      target: target.constructor,
      propertyName: propertyKey as string,
      options: validation,
      validator: {
        validate: (value: unknown) => symbolDecimalMapProblem(value) === null,
        defaultMessage: (args) =>
          `${args?.property ?? 'value'}: ${symbolDecimalMapProblem(args?.value) ?? 'invalid'}`,
      },
    });
  };
}

/**
 * An account's pre-trade risk limits (`accounts[].risk`). Every limit is optional: one left out is not
 * checked. Decimals may be written as strings or numbers and are kept as decimal strings.
 */
export class RiskLimits {
  /** Symbols this account may trade; left out, every symbol the broker offers. */
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @Matches(SYMBOL, {
    each: true,
    message: 'allowedSymbols must hold symbols (upper-case letters, digits, . _ -)',
  })
  allowedSymbols?: string[];

  /** Largest quantity of one order. */
  @IsOptional()
  @IsDecimalValue({ positive: true })
  maxOrderQuantity?: string;

  /** Largest quantity × reference price of one order, in the instrument's quote currency. */
  @IsOptional()
  @IsDecimalValue({ positive: true })
  maxOrderNotional?: string;

  /** Largest absolute position per symbol, `*` for every symbol not listed: `{ BTCUSDT: '1', '*': '10' }`. */
  @IsOptional()
  @IsSymbolDecimalMap()
  maxPositionQuantity?: Record<string, string>;

  /** Most orders open at the broker at once; a new order beyond it is refused. */
  @IsOptional()
  @IsInt()
  @Min(1)
  maxOpenOrders?: number;

  /** Money: when today's PnL (equity now − equity at the UTC day's start) is ≤ −this, only reducing orders pass. */
  @IsOptional()
  @IsDecimalValue({ positive: true })
  dailyLossLimit?: string;
}
