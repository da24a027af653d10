/** A field must be quoted when it holds the separator, a quote or a line break (RFC 4180, 2.6). */
const NEEDS_QUOTES = /[",\r\n]/;

/** One field: as is, or quoted with its quotes doubled (RFC 4180, 2.7). Null is the empty field. */
export function csvField(value: string | null): string {
  if (value === null) return '';
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One record, ended by CRLF as RFC 4180 asks. */
export function csvRow(values: readonly (string | null)[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
