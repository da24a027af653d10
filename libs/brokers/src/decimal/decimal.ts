import Big from 'big.js';

export type RoundingDirection = 'down' | 'up' | 'nearest';

const ROUNDING: Record<RoundingDirection, Big.RoundingMode> = {
  down: Big.roundDown,
  up: Big.roundUp,
  nearest: Big.roundHalfUp,
};

/** Parses a decimal string or number; throws on anything that is not a finite decimal. */
export function dec(value: Big.BigSource): Big {
  return new Big(value);
}

/** True when `value` parses as a finite decimal. */
export function isDecimal(value: unknown): value is string | number {
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'string' || value.trim() === '') return false;
  try {
    new Big(value);
    return true;
  } catch {
    return false;
  }
}

/** Canonical string: no exponent, no trailing zeros. */
export function toDecimalString(value: Big.BigSource): string {
  const big = new Big(value);
  return big.eq(0) ? '0' : big.toFixed();
}

/** Rounds `value` to a multiple of `step` in the given direction. */
export function roundToStep(value: Big.BigSource, step: Big.BigSource, direction: RoundingDirection): Big {
  const stepBig = new Big(step);
  return new Big(value).div(stepBig).round(0, ROUNDING[direction]).times(stepBig);
}

/** True when `value` is an exact multiple of `step`. */
export function isMultipleOf(value: Big.BigSource, step: Big.BigSource): boolean {
  return new Big(value).mod(step).eq(0);
}
