import { ratio, renderTable } from '../support/text-table.js';
import type { Summary } from '../support/stats.js';

export type DirectOrHttp = 'sql' | 'http';

export interface TradesRow {
  readonly database: string;
  readonly scenario: string;
  readonly target: DirectOrHttp;
  readonly result: Summary;
}

/** The latency table; each HTTP row carries its ratio to the SQL row of the same database and scenario. */
export function formatTradesTable(rows: readonly TradesRow[]): string {
  const header = [
    'database',
    'scenario',
    'via',
    'req/s',
    'p50 ms',
    'p99 ms',
    'non-2xx',
    'p50 ×sql',
    'p99 ×sql',
  ];
  const lines = rows.map((row) => {
    const reference = rows.find(
      (r) => r.database === row.database && r.scenario === row.scenario && r.target === 'sql',
    );
    const own = row.target === 'http' && reference !== undefined;
    return [
      row.database,
      row.scenario,
      row.target,
      row.result.requestsPerSecond.toFixed(0),
      row.result.p50Ms.toFixed(2),
      row.result.p99Ms.toFixed(2),
      String(row.result.non2xx + row.result.errors),
      own ? ratio(row.result.p50Ms, reference.result.p50Ms) : '',
      own ? ratio(row.result.p99Ms, reference.result.p99Ms) : '',
    ];
  });
  return renderTable(header, lines, 3);
}
