import { momentsOf, sharpeOfMoments, sortinoOfMoments } from './return-moments.js';

/**
 * Annualized Sharpe ratio of periodic returns (risk-free rate 0): mean over sample standard deviation,
 * times √periodsPerYear. Null when it is undefined: fewer than two returns, or no variation at all.
 * A backtest's statistics compute the same ratio from the same moments (computeBacktestStatistics).
 */
export function sharpeRatio(returns: ArrayLike<number>, periodsPerYear: number): number | null {
  return sharpeOfMoments(momentsOf(returns), periodsPerYear);
}

/**
 * Annualized Sortino ratio (target 0): mean return over the downside deviation, the root mean square of
 * the returns below zero taken over every period. Null with fewer than two returns or no losing period.
 */
export function sortinoRatio(returns: ArrayLike<number>, periodsPerYear: number): number | null {
  return sortinoOfMoments(momentsOf(returns), periodsPerYear);
}
