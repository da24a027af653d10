/** The columns an uploaded file has, by name; `volume` may be left out. */
export const REQUIRED_COLUMNS = ['time', 'open', 'high', 'low', 'close'] as const;
const COLUMNS = [...REQUIRED_COLUMNS, 'volume'] as const;

export type BarColumn = (typeof COLUMNS)[number];

/** Where each column is in a row: the header names them, in any order, in any case. */
export type ColumnIndex = Readonly<Record<BarColumn, number | undefined>>;

/** The header's column positions, or why the header is not one we read. */
export function readHeader(fields: readonly string[]): ColumnIndex | string {
  const names = fields.map((field) => field.toLowerCase());
  const unknown = names.filter((name) => !(COLUMNS as readonly string[]).includes(name));
  const missing = REQUIRED_COLUMNS.filter((column) => !names.includes(column));
  const repeated = names.filter((name, index) => names.indexOf(name) !== index);
  if (unknown.length + missing.length + repeated.length > 0) {
    const found = fields.map((field) => (field === '' ? '(empty)' : field)).join(',');
    return `the header must name the columns time,open,high,low,close and optionally volume; found ${found}`;
  }
  const index = (column: BarColumn): number | undefined => {
    const at = names.indexOf(column);
    return at === -1 ? undefined : at;
  };
  return {
    time: index('time'),
    open: index('open'),
    high: index('high'),
    low: index('low'),
    close: index('close'),
    volume: index('volume'),
  };
}
