import { Transform } from 'class-transformer';
import { registerDecorator, type ValidationOptions } from 'class-validator';
import { dec, isDecimal, toDecimalString } from '../decimal/index.js';

export interface DecimalValueOptions {
  /** Refuse zero and negatives. */
  readonly positive?: boolean;
}

/**
 * Bounds on every decimal a request carries: wide enough for any price or quantity a market quotes, and
 * small enough that a 100,000-digit number or `1e1000000` is refused before it is expanded or stored.
 */
export const DECIMAL_LIMITS = { maxLength: 64, integerDigits: 20, fractionDigits: 18 } as const;

/** True when `value` is a decimal within `DECIMAL_LIMITS`, checked before it is ever written out in full. */
export function isBoundedDecimal(value: unknown): value is string | number {
  if (typeof value === 'string' && value.length > DECIMAL_LIMITS.maxLength) return false;
  if (!isDecimal(value)) return false;
  const big = dec(value);
  if (big.eq(0)) return true;
  // big.js keeps the exponent of the leading digit and the digits themselves: no expansion needed.
  const integerDigits = big.e + 1;
  const fractionDigits = Math.max(0, big.c.length - 1 - big.e);
  return integerDigits <= DECIMAL_LIMITS.integerDigits && fractionDigits <= DECIMAL_LIMITS.fractionDigits;
}

/**
 * Accepts a decimal as a string or a number and keeps it as a canonical decimal string, so no float
 * ever carries a price or a quantity past validation.
 */
export function IsDecimalValue(
  options: DecimalValueOptions = {},
  validation?: ValidationOptions,
): PropertyDecorator {
  return (target: object, propertyKey: string | symbol) => {
    Transform(({ value }: { value: unknown }) => (isBoundedDecimal(value) ? toDecimalString(value) : value))(
      target,
      propertyKey,
    );
    registerDecorator({
      name: 'isDecimalValue',
      target: target.constructor,
      propertyName: propertyKey as string,
      options: validation,
      validator: {
        validate: (value: unknown) => isBoundedDecimal(value) && (!options.positive || dec(value).gt(0)),
        defaultMessage: (args) =>
          `${args?.property ?? 'value'} must be a ${options.positive ? 'positive ' : ''}decimal number or decimal string with at most ${DECIMAL_LIMITS.integerDigits} digits before the point and ${DECIMAL_LIMITS.fractionDigits} after`,
      },
    });
  };
}
