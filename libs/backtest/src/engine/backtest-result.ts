import type { BacktestStatistics } from '../statistics/backtest-statistics.js';
import type { StrategyFill } from '../strategy/strategy-order.js';
import type { ClosedTrade } from './closed-trade.js';

/** Equity after each bar (cash plus positions at the close), in typed arrays as the engine wrote them. */
export interface EquityCurve {
  readonly time: Float64Array;
  readonly equity: Float64Array;
}

export interface BacktestResult {
  readonly statistics: BacktestStatistics;
  readonly equity: EquityCurve;
  /** Fraction below the running peak after each bar (0 at a peak, 0.1 is 10 % down); made when first read. */
  readonly drawdown: Float64Array;
  readonly trades: readonly ClosedTrade[];
  readonly fills: readonly StrategyFill[];
  readonly bars: number;
  /** True when the run was stopped before its last bar. */
  readonly cancelled: boolean;
}
