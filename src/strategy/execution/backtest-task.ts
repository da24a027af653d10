import type { BarSeries } from '#backtest/data/bar-series.js';
import type { BacktestSettings } from '#backtest/engine/backtest-settings.js';
import type { ClosedTrade } from '#backtest/engine/closed-trade.js';
import type { BacktestStatistics } from '#backtest/statistics/backtest-statistics.js';
import type { ParameterValues } from '#backtest/strategy/parameter-schema.js';

/** The cancel flag's slot in a job's control array: 1 asks every task of the job to stop. */
export const CANCEL_FLAG = 0;

/** One backtest on a worker thread. Everything is plain data: strategies are looked up there by name. */
export interface BacktestTask {
  readonly strategy: string;
  readonly parameters: ParameterValues;
  /** Columns backed by SharedArrayBuffers (shareSeries): shared with the thread, not copied. */
  readonly feed: readonly BarSeries[];
  readonly settings: BacktestSettings;
  /** Int32Array over a SharedArrayBuffer: CANCEL_FLAG set to 1 stops the run at its next check. */
  readonly control: Int32Array;
  /** Float64Array over a SharedArrayBuffer: the task writes its fraction done at `slot`. */
  readonly progress: Float64Array;
  readonly slot: number;
  /** A sweep's combinations keep their statistics only; the run whose curves are kept asks for all. */
  readonly keep: 'statistics' | 'full';
}

export interface BacktestTaskResult {
  readonly statistics: BacktestStatistics;
  readonly bars: number;
  readonly cancelled: boolean;
  /** With keep 'full': the curves and the trades. */
  readonly curves?: {
    readonly time: Float64Array;
    readonly equity: Float64Array;
    readonly drawdown: Float64Array;
    readonly trades: readonly ClosedTrade[];
  };
}
