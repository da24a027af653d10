import type { FillRecord } from '../fill-record.js';
import { csvRow } from './csv-row.js';

/** The CSV columns: the fields of FillView, in its order, named as in the JSON. */
export const FILL_CSV_COLUMNS = [
  'id',
  'account',
  'executionId',
  'orderId',
  'brokerOrderId',
  'clientOrderId',
  'symbol',
  'side',
  'quantity',
  'price',
  'fee',
  'feeCurrency',
  'liquidity',
  'strategy',
  'executedAt',
] as const satisfies readonly (keyof FillRecord)[];

export const FILL_CSV_HEADER = csvRow(FILL_CSV_COLUMNS);

/** Fills as CSV records, one per line. */
export function fillCsvRows(fills: readonly FillRecord[]): string {
  return fills.map((fill) => csvRow(FILL_CSV_COLUMNS.map((column) => fill[column]))).join('');
}
