import { formatLoadTable, type LoadRow } from '../support/report.js';

/** One scenario on one storage setup (its label); `durable` is false for the storage-disabled reference. */
export interface SetupRow extends LoadRow {
  readonly durable: boolean;
}

/**
 * The figures table. A durable row carries its ratios to the storage-disabled row of the same scenario:
 * orders/s as a fraction of it, p99 as a multiple of it — the cost of durability as a ratio.
 */
export function formatOrdersTable(rows: readonly SetupRow[]): string {
  return formatLoadTable(rows, {
    labelTitle: 'setup',
    unit: 'orders',
    referenceName: 'mem',
    referenceOf: (row, all) =>
      row.durable ? all.find((r) => r.scenario === row.scenario && !r.durable) : undefined,
  });
}
