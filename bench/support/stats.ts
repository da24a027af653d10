import type { LoadResult } from './load-job.js';

/** Several rounds of one scenario against one target, taken together. */
export interface Summary {
  readonly requestsPerSecond: number;
  /** Each round's req/s, in the order run: their spread shows how noisy the machine was. */
  readonly roundRates: readonly number[];
  /** Over every 2xx response of every round, in milliseconds. */
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly statusCounts: Readonly<Record<string, number>>;
  readonly samples: readonly string[];
}

export function summarize(runs: readonly LoadResult[]): Summary {
  const completed = sum(runs.map((run) => run.completed));
  const seconds = sum(runs.map((run) => run.seconds));
  const latencies = new Float64Array(sum(runs.map((run) => run.latenciesMs.length)));
  let offset = 0;
  for (const run of runs) {
    latencies.set(run.latenciesMs, offset);
    offset += run.latenciesMs.length;
  }
  latencies.sort();
  const statusCounts: Record<string, number> = {};
  for (const run of runs)
    for (const [status, count] of Object.entries(run.statusCounts))
      statusCounts[status] = (statusCounts[status] ?? 0) + count;
  return {
    requestsPerSecond: seconds > 0 ? completed / seconds : 0,
    roundRates: runs.map((run) => (run.seconds > 0 ? run.completed / run.seconds : 0)),
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    non2xx: sum(
      Object.entries(statusCounts)
        .filter(([status]) => !status.startsWith('2'))
        .map(([, count]) => count),
    ),
    errors: sum(runs.map((run) => run.errors)),
    statusCounts,
    samples: runs.flatMap((run) => run.samples).slice(0, 5),
  };
}

/** Nearest-rank percentile of sorted values; NaN when there are none. */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
