import type { Summary } from '../support/stats.js';

/** One scenario on one storage setup: its measured rounds taken together, and its warm-up. */
export interface SetupRow {
  readonly scenario: string;
  readonly setup: string;
  /** False for the storage-disabled reference, which the durable rows are compared with. */
  readonly durable: boolean;
  readonly result: Summary;
  readonly warmup: Summary | undefined;
}

export function failed(row: SetupRow): boolean {
  return [row.result, row.warmup].some((r) => r !== undefined && (r.non2xx > 0 || r.errors > 0));
}

/**
 * The figures table. A durable row carries its ratios to the storage-disabled row of the same scenario:
 * orders/s as a fraction of it, p99 as a multiple of it — the cost of durability as a ratio.
 */
export function formatOrdersTable(rows: readonly SetupRow[]): string {
  const header = [
    'scenario',
    'setup',
    'orders/s',
    'rounds min–max',
    'p50 ms',
    'p99 ms',
    'non-2xx',
    'errors',
    'orders/s ×mem',
    'p99 ×mem',
  ];
  const lines = rows.map((row) => {
    const reference = rows.find((r) => r.scenario === row.scenario && !r.durable);
    const compared = row.durable && reference !== undefined;
    const { result } = row;
    return [
      row.scenario,
      row.setup,
      result.requestsPerSecond.toFixed(0),
      `${Math.min(...result.roundRates).toFixed(0)}–${Math.max(...result.roundRates).toFixed(0)}`,
      result.p50Ms.toFixed(2),
      result.p99Ms.toFixed(2),
      String(result.non2xx + (row.warmup?.non2xx ?? 0)),
      String(result.errors + (row.warmup?.errors ?? 0)),
      compared ? ratio(result.requestsPerSecond, reference.result.requestsPerSecond) : '',
      compared ? ratio(result.p99Ms, reference.result.p99Ms) : '',
    ];
  });
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => line[column]?.length ?? 0)),
  );
  const render = (cells: readonly string[]): string =>
    cells
      .map((cell, column) =>
        column >= 2 ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [render(header), rule, ...lines.map(render)].join('\n');
}

/** What went wrong in a failed row: status counts and the first responses or socket errors. */
export function describeFailure(row: SetupRow): string {
  const parts = [`${row.scenario} → ${row.setup}:`];
  for (const [label, result] of [
    ['warm-up', row.warmup],
    ['measured', row.result],
  ] as const) {
    if (result === undefined || (result.non2xx === 0 && result.errors === 0)) continue;
    const statuses = Object.entries(result.statusCounts)
      .map(([status, n]) => `${status}×${n}`)
      .join(', ');
    parts.push(
      `  ${label}: ${result.non2xx} non-2xx, ${result.errors} errors (statuses: ${statuses || 'none'})`,
    );
    for (const sample of result.samples) parts.push(`    ${sample}`);
  }
  return parts.join('\n');
}

function ratio(value: number, reference: number): string {
  return reference > 0 && Number.isFinite(value) ? (value / reference).toFixed(2) : 'n/a';
}
