/**
 * How TWS spells values on the wire, where the spelling matters to the client: for some fields @stoqey/ib reads
 * "" as 0 (readDouble, readInt) and only Double.MAX_VALUE / Integer.MAX_VALUE as "no value".
 */

/** Double.MAX_VALUE as TWS prints it; the client reads it as undefined wherever it reads a double. */
export const UNSET_DOUBLE = '1.7976931348623157E308';

/** Integer.MAX_VALUE; the client reads it as undefined where it reads an optional int. */
export const UNSET_INT = '2147483647';

/** Booleans go out as ints: the client reads `parseInt(field) != 0`. */
export function flag(value: boolean | undefined): string {
  return value === true ? '1' : '0';
}

/** A double TWS may leave unset, where "" would read as 0 rather than "no value". */
export function doubleOrUnset(value: string | undefined): string {
  return value === undefined || value === '' ? UNSET_DOUBLE : value;
}

/**
 * Free text as TWS writes it from server version 153 on (ENCODE_MSG_ASCII7): every non-ASCII UTF-16 unit as
 * `\u` and four hex digits, which the client unescapes in error messages and long names.
 */
export function ascii7(text: string): string {
  return text.replace(/[\u0080-\uffff]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
