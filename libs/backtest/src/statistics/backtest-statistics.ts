/**
 * A run's statistics, each defined in the README ("Backtest statistics"). Ratios are fractions (0.1 is
 * 10 %); money is in the account currency; a statistic that is undefined for the run (no losing trade
 * for the profit factor, no variation for Sharpe) is null rather than Infinity or NaN.
 */
export interface BacktestStatistics {
  readonly startingCash: number;
  readonly finalEquity: number;
  readonly totalReturn: number;
  readonly cagr: number | null;
  readonly annualVolatility: number | null;
  readonly sharpe: number | null;
  readonly sortino: number | null;
  readonly calmar: number | null;
  readonly maxDrawdown: number;
  readonly maxDrawdownAmount: number;
  /** Longest time below a previous peak, in ms and in bars. */
  readonly maxDrawdownDurationMs: number;
  readonly maxDrawdownDurationBars: number;
  /** Trades closed during the run; the trade statistics leave out a position still open at its end. */
  readonly trades: number;
  readonly winRate: number | null;
  readonly profitFactor: number | null;
  readonly expectancy: number | null;
  readonly averageWin: number | null;
  readonly averageLoss: number | null;
  readonly largestWin: number | null;
  readonly largestLoss: number | null;
  /** Fraction of bars with a position open. */
  readonly exposure: number;
  readonly maxConsecutiveWins: number;
  readonly maxConsecutiveLosses: number;
  readonly totalFees: number;
  /** Used to annualize bar returns: as set, or estimated from the bars; 0 when it could not be estimated. */
  readonly periodsPerYear: number;
}
