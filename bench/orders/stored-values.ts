import Big from 'big.js';

/**
 * What a round trip through the app's PostgreSQL columns does to a value, so the in-memory repositories
 * hand back what the Drizzle ones would (src/persistence/schema/columns.ts).
 */

/**
 * A `numeric` column's text: exact, no exponent, the scale the value was written with ('1.50' stays
 * '1.50', '1.5e-1' becomes '0.15'), no negative zero. Throws on what PostgreSQL would refuse.
 */
export function numericText(value: string): string {
  const big = new Big(value);
  const mantissa = /^\s*[+-]?\d*(?:\.(\d*))?(?:e([+-]?\d+))?\s*$/i.exec(value);
  const fractionDigits = mantissa?.[1]?.length ?? 0;
  const exponent = Number(mantissa?.[2] ?? 0);
  const text = big.toFixed(Math.max(0, fractionDigits - exponent));
  return big.eq(0) ? text.replace(/^-/, '') : text;
}

export function nullableNumericText(value: string | null): string | null {
  return value === null ? null : numericText(value);
}

/** A `timestamp(3) with time zone` column, read back as UTC ISO 8601 with milliseconds. */
export function instantText(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new Error(`invalid input syntax for type timestamp: "${value}"`);
  return date.toISOString();
}

/** A `uuid` column: PostgreSQL prints it in lower case. */
export function uuidText(value: string): string {
  return value.toLowerCase();
}

/** A `jsonb` column: what JSON keeps of the value (undefined becomes SQL null, read back as null). */
export function jsonbValue(value: unknown): unknown {
  return value === undefined || value === null ? null : (JSON.parse(JSON.stringify(value)) as unknown);
}
