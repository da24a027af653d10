function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/**
 * Annualized Sharpe ratio of periodic returns (risk-free rate 0): mean over sample standard deviation,
 * times √periodsPerYear. Null when it is undefined: fewer than two returns, or no variation at all.
 */
export function sharpeRatio(returns: readonly number[], periodsPerYear: number): number | null {
  if (returns.length < 2) return null;
  const average = mean(returns);
  const variance = returns.reduce((sum, value) => sum + (value - average) ** 2, 0) / (returns.length - 1);
  if (variance === 0) return null;
  return (average / Math.sqrt(variance)) * Math.sqrt(periodsPerYear);
}

/**
 * Annualized Sortino ratio (target 0): mean return over the downside deviation, the root mean square of
 * the returns below zero taken over every period. Null with fewer than two returns or no losing period.
 */
export function sortinoRatio(returns: readonly number[], periodsPerYear: number): number | null {
  if (returns.length < 2) return null;
  const downside = returns.reduce((sum, value) => sum + Math.min(0, value) ** 2, 0) / returns.length;
  if (downside === 0) return null;
  return (mean(returns) / Math.sqrt(downside)) * Math.sqrt(periodsPerYear);
}
