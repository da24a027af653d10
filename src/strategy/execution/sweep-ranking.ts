import type { BacktestStatistics } from '#backtest/statistics/backtest-statistics.js';
import type { RankingStatistic } from '../backtest/ranking-statistic.js';

/**
 * The index of the best statistics by `by` (higher is better; an undefined value ranks last; ties go to the
 * earlier combination, so the choice is the same on every run).
 */
export function bestIndex(all: readonly BacktestStatistics[], by: RankingStatistic): number {
  let best = 0;
  for (let index = 1; index < all.length; index += 1) {
    const value = all[index]?.[by] ?? null;
    const current = all[best]?.[by] ?? null;
    if (value !== null && (current === null || value > current)) best = index;
  }
  return best;
}
