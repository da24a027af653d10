/**
 * A float64 money or price figure as the API's decimal string: 15 significant digits (what a double holds
 * reliably, so 0.1 + 0.2 reads 0.3), never in exponent notation.
 */
export function floatString(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const rounded = Number(value.toPrecision(15));
  const plain = String(rounded);
  if (!/e/i.test(plain)) return plain;
  return Math.abs(rounded) >= 1
    ? BigInt(Math.round(rounded)).toString()
    : rounded.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
}
