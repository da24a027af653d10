import type { Summary } from './stats.js';
import { ratio, renderTable } from './text-table.js';

/** One scenario against one target (a server, a storage setup): its measured rounds and its warm-up. */
export interface LoadRow {
  readonly scenario: string;
  /** What was measured: `edgerunner`, `bare fastify`, `PGlite (embedded)`… */
  readonly label: string;
  readonly result: Summary;
  /** The unmeasured warm-up before the rounds, whose failures count too. */
  readonly warmup: Summary | undefined;
}

/** How a load table names its columns, and which row each row is compared with. */
export interface LoadTableLayout<R extends LoadRow> {
  /** Heading of the label column: `target`, `setup`. */
  readonly labelTitle: string;
  /** What one completed request is: `req`, `orders`. */
  readonly unit: string;
  /** The reference's short name in the ratio headings: `bare`, `mem`. */
  readonly referenceName: string;
  /** The row `row` is compared with, or undefined for a reference row itself. */
  referenceOf(row: R, rows: readonly R[]): R | undefined;
}

export function failed(row: LoadRow): boolean {
  return [row.result, row.warmup].some((r) => r !== undefined && (r.non2xx > 0 || r.errors > 0));
}

/** The figures table; each compared row carries its throughput and p99 as ratios to its reference's. */
export function formatLoadTable<R extends LoadRow>(rows: readonly R[], layout: LoadTableLayout<R>): string {
  const header = [
    'scenario',
    layout.labelTitle,
    `${layout.unit}/s`,
    'rounds min–max',
    'p50 ms',
    'p99 ms',
    'non-2xx',
    'errors',
    `${layout.unit}/s ×${layout.referenceName}`,
    `p99 ×${layout.referenceName}`,
  ];
  const lines = rows.map((row) => {
    const reference = layout.referenceOf(row, rows);
    const { result } = row;
    return [
      row.scenario,
      row.label,
      result.requestsPerSecond.toFixed(0),
      `${Math.min(...result.roundRates).toFixed(0)}–${Math.max(...result.roundRates).toFixed(0)}`,
      result.p50Ms.toFixed(2),
      result.p99Ms.toFixed(2),
      String(result.non2xx + (row.warmup?.non2xx ?? 0)),
      String(result.errors + (row.warmup?.errors ?? 0)),
      reference ? ratio(result.requestsPerSecond, reference.result.requestsPerSecond) : '',
      reference ? ratio(result.p99Ms, reference.result.p99Ms) : '',
    ];
  });
  return renderTable(header, lines, 2);
}

/** What went wrong in a failed row: status counts and the first responses or socket errors. */
export function describeFailure(row: LoadRow): string {
  const parts = [`${row.scenario} → ${row.label}:`];
  for (const [phase, result] of [
    ['warm-up', row.warmup],
    ['measured', row.result],
  ] as const) {
    if (result === undefined || (result.non2xx === 0 && result.errors === 0)) continue;
    const statuses = Object.entries(result.statusCounts)
      .map(([status, count]) => `${status}×${count}`)
      .join(', ');
    parts.push(
      `  ${phase}: ${result.non2xx} non-2xx, ${result.errors} errors (statuses: ${statuses || 'none'})`,
    );
    for (const sample of result.samples) parts.push(`    ${sample}`);
  }
  return parts.join('\n');
}
