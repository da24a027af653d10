import { toDecimalString } from '#brokers';

/**
 * A float64 money or price figure as the API's decimal string: 15 significant digits (what a double holds
 * reliably, so 0.1 + 0.2 reads 0.3), never in exponent notation.
 */
export function floatString(value: number): string {
  return Number.isFinite(value) ? toDecimalString(value.toPrecision(15)) : String(value);
}
