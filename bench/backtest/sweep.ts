import { performance } from 'node:perf_hooks';
import type { ConfigService } from '@nestjs/config';
import {
  DEFAULT_BACKTEST_SETTINGS,
  resolveParameters,
  runBacktest,
  SMA_CROSSOVER,
  type ParameterValues,
} from '#backtest';
import type { Configuration } from '../../src/config/configuration.js';
import { BacktestPool } from '../../src/strategy/execution/backtest-pool.js';
import type { BacktestTask } from '../../src/strategy/execution/backtest-task.js';
import { shareSeries } from '../../src/strategy/execution/shared-feed.js';
import { syntheticBars } from './synthetic-bars.js';

export interface SweepMeasurement {
  readonly combinations: number;
  readonly threads: number;
  readonly ms: number;
  /** The same combinations one after another on this thread, extrapolated from `sampled` of them. */
  readonly singleThreadEstimateMs: number;
  readonly sampled: number;
  readonly best: string;
}

/**
 * `size` SMA-crossover combinations (fast × slow) over `bars` bars on the product's worker pool (the same
 * BacktestPool, worker file and shared-memory bars a sweep job uses), every core, keeping statistics only.
 */
export async function measureSweep(bars: number, size: number): Promise<SweepMeasurement> {
  const feed = [shareSeries(syntheticBars(bars, 7))];
  const grid = combinations(size);
  const config = { get: () => ({ workerThreads: undefined }) } as unknown as ConfigService<
    Configuration,
    true
  >;
  const pool = new BacktestPool(config);
  const control = new Int32Array(new SharedArrayBuffer(4));
  const progress = new Float64Array(new SharedArrayBuffer(8 * grid.length));
  const task = (parameters: ParameterValues, slot: number): BacktestTask => ({
    strategy: SMA_CROSSOVER.name,
    parameters,
    feed,
    settings: DEFAULT_BACKTEST_SETTINGS,
    control,
    progress,
    slot,
    keep: 'statistics',
  });
  try {
    // Warm-up: every thread started and the worker module loaded before the clock runs.
    await Promise.all(
      grid.slice(0, pool.threads * 2).map((parameters, slot) => pool.run(task(parameters, slot))),
    );
    const started = performance.now();
    const results = await Promise.all(grid.map((parameters, slot) => pool.run(task(parameters, slot))));
    const ms = performance.now() - started;
    let best = 0;
    results.forEach((result, index) => {
      if ((result.statistics.sharpe ?? -Infinity) > (results[best]!.statistics.sharpe ?? -Infinity))
        best = index;
    });
    const sampled = Math.min(grid.length, 20);
    const singleStarted = performance.now();
    for (const parameters of grid.slice(0, sampled))
      runBacktest(SMA_CROSSOVER, parameters, feed, DEFAULT_BACKTEST_SETTINGS);
    const singleThreadEstimateMs = ((performance.now() - singleStarted) / sampled) * grid.length;
    const winner = grid[best]!;
    return {
      combinations: grid.length,
      threads: pool.threads,
      ms,
      singleThreadEstimateMs,
      sampled,
      best: `fast ${String(winner.fast)} slow ${String(winner.slow)} (Sharpe ${results[best]!.statistics.sharpe?.toFixed(2) ?? 'n/a'})`,
    };
  } finally {
    await pool.onApplicationShutdown();
  }
}

/** fast 2.. × slow 50.. until `size` pairs: a grid shaped like a quant's first sweep. */
function combinations(size: number): ParameterValues[] {
  const grid: ParameterValues[] = [];
  const fasts = 40;
  for (let index = 0; grid.length < size; index += 1) {
    const fast = 2 + (index % fasts);
    const slow = 50 + Math.floor(index / fasts);
    grid.push(resolveParameters(SMA_CROSSOVER, { fast, slow }));
  }
  return grid;
}
