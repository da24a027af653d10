import type { BacktestStatistics } from '#backtest/statistics/backtest-statistics.js';

/** Statistics runs can be ranked by; for each, higher is better. */
export const RANKING_STATISTICS = [
  'sharpe',
  'sortino',
  'cagr',
  'calmar',
  'profitFactor',
  'totalReturn',
] as const satisfies readonly (keyof BacktestStatistics)[];
export type RankingStatistic = (typeof RANKING_STATISTICS)[number];
