import type { Summary } from './stats.js';

export type Target = 'edgerunner' | 'bare fastify';

export interface Row {
  readonly scenario: string;
  readonly target: Target;
  readonly result: Summary;
  /** The unmeasured warm-up before the rounds, whose failures count too. */
  readonly warmup: Summary | undefined;
}

export function failed(row: Row): boolean {
  return [row.result, row.warmup].some((r) => r !== undefined && (r.non2xx > 0 || r.errors > 0));
}

/** The figures table; edgerunner rows carry the ratio to the bare-Fastify row of the same scenario. */
export function formatTable(rows: readonly Row[]): string {
  const header = [
    'scenario',
    'target',
    'req/s',
    'rounds min–max',
    'p50 ms',
    'p99 ms',
    'non-2xx',
    'errors',
    'req/s ×bare',
    'p99 ×bare',
  ];
  const lines = rows.map((row) => {
    const reference = rows.find((r) => r.scenario === row.scenario && r.target === 'bare fastify');
    const own = row.target === 'edgerunner' && reference !== undefined;
    const { result } = row;
    return [
      row.scenario,
      row.target,
      result.requestsPerSecond.toFixed(0),
      `${Math.min(...result.roundRates).toFixed(0)}–${Math.max(...result.roundRates).toFixed(0)}`,
      result.p50Ms.toFixed(2),
      result.p99Ms.toFixed(2),
      String(result.non2xx + (row.warmup?.non2xx ?? 0)),
      String(result.errors + (row.warmup?.errors ?? 0)),
      own ? ratio(result.requestsPerSecond, reference.result.requestsPerSecond) : '',
      own ? ratio(result.p99Ms, reference.result.p99Ms) : '',
    ];
  });
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => line[column]?.length ?? 0)),
  );
  const numeric = (column: number): boolean => column >= 2;
  const render = (cells: readonly string[]): string =>
    cells
      .map((cell, column) =>
        numeric(column) ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [render(header), rule, ...lines.map(render)].join('\n');
}

/** What went wrong in a failed row: status counts and the first responses or socket errors. */
export function describeFailure(row: Row): string {
  const parts = [`${row.scenario} → ${row.target}:`];
  for (const [label, result] of [
    ['warm-up', row.warmup],
    ['measured', row.result],
  ] as const) {
    if (result === undefined || (result.non2xx === 0 && result.errors === 0)) continue;
    const statuses = Object.entries(result.statusCounts)
      .map(([status, count]) => `${status}×${count}`)
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
