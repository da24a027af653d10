import { formatLoadTable, type LoadRow } from '../support/report.js';
import { renderTable } from '../support/text-table.js';
import type { AddedLatency } from './adapter-call-latency.js';

/** One scenario on one storage setup (its label); `durable` is false for the storage-disabled reference. */
export interface SetupRow extends LoadRow {
  readonly durable: boolean;
  /** From the request's arrival to the adapter call, over the measured rounds. */
  readonly added: AddedLatency;
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

/** What the app adds before the broker is asked, beside the whole request's latency. */
export function formatAddedLatencyTable(rows: readonly SetupRow[]): string {
  const ms = (value: number): string => (Number.isFinite(value) ? value.toFixed(2) : 'n/a');
  return (
    renderTable(
      [
        'scenario',
        'setup',
        'added p50 ms',
        'added p99 ms',
        'request p50 ms',
        'request p99 ms',
        'orders timed',
      ],
      rows.map((row) => [
        row.scenario,
        row.label,
        ms(row.added.p50Ms),
        ms(row.added.p99Ms),
        ms(row.result.p50Ms),
        ms(row.result.p99Ms),
        row.added.samples.toLocaleString('en'),
      ]),
      2,
    ) +
    "\nadded: from Fastify's first hook for the request to the adapter's placeOrder call (auth, validation, " +
    'idempotency lookup, risk checks, the write-ahead insert); request: the whole round trip seen by the client.'
  );
}
