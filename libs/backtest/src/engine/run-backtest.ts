import type { BarSeries } from '../data/bar-series.js';
import type { ParameterValues } from '../strategy/parameter-schema.js';
import type { StrategyDefinition } from '../strategy/strategy.js';
import type { BacktestResult } from './backtest-result.js';
import type { BacktestSettings } from './backtest-settings.js';

export interface BacktestRunHooks {
  /** Called now and then with the fraction of bars done (0..1). */
  onProgress?(fraction: number): void;
  /** Polled now and then; true stops the run, which then reports `cancelled`. */
  isCancelled?(): boolean;
}

/**
 * Runs `definition` with resolved `parameters` over `feed` (one series per symbol; several are aligned
 * by time, the first is the run's main symbol). Throws InsufficientBarsError when the bars cannot cover
 * the strategy's warm-up.
 */
export declare function runBacktest(
  definition: StrategyDefinition,
  parameters: ParameterValues,
  feed: readonly BarSeries[],
  settings: BacktestSettings,
  hooks?: BacktestRunHooks,
): BacktestResult;
