import type { ClosedTrade } from '#backtest/engine/closed-trade.js';
import type { BacktestStatistics } from '#backtest/statistics/backtest-statistics.js';

/** Everything the backtest report page shows about one finished run. Times are epoch milliseconds. */
export interface BacktestReportData {
  readonly id: string;
  readonly strategy: string;
  readonly parameters: Readonly<Record<string, unknown>>;
  readonly symbol: string;
  readonly timeframe: string;
  /** The run's range and creation time, ISO 8601. */
  readonly from: string;
  readonly to: string;
  readonly createdAt: string;
  readonly statistics: BacktestStatistics;
  readonly equity: { readonly time: NumberColumn; readonly equity: NumberColumn };
  /** Fraction below the running peak (0.1 is 10 % down), one per equity point. */
  readonly drawdown: NumberColumn;
  readonly candles: ReportCandles;
  readonly trades: readonly ClosedTrade[];
}

/**
 * A column of numbers: a plain array, or the engine's Float64Array columns passed through without a copy
 * (the page reads only indices and length).
 */
export type NumberColumn = ArrayLike<number>;

/** The run's bars as parallel columns, the shape the engine's bar series already has. */
export interface ReportCandles {
  readonly time: NumberColumn;
  readonly open: NumberColumn;
  readonly high: NumberColumn;
  readonly low: NumberColumn;
  readonly close: NumberColumn;
}
