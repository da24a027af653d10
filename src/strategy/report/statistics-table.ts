import type { BacktestStatistics } from '#backtest/statistics/backtest-statistics.js';

import {
  formatCount,
  formatDuration,
  formatMoney,
  formatPercent,
  formatRatio,
  formatSignedMoney,
} from './format-report-values.js';
import { escapeHtml } from './html-escape.js';

interface StatisticRow {
  readonly key: keyof BacktestStatistics;
  readonly label: string;
  readonly format: (statistics: BacktestStatistics) => string;
}

const percentOf = (key: keyof BacktestStatistics) => (statistics: BacktestStatistics) =>
  formatPercent(statistics[key]);

/** The rows in reading order: the outcome first, then risk, then the trades behind it. */
const STATISTIC_ROWS: readonly StatisticRow[] = [
  { key: 'startingCash', label: 'Starting cash', format: (s) => formatMoney(s.startingCash) },
  { key: 'finalEquity', label: 'Final equity', format: (s) => formatMoney(s.finalEquity) },
  { key: 'totalReturn', label: 'Total return', format: percentOf('totalReturn') },
  { key: 'cagr', label: 'CAGR', format: percentOf('cagr') },
  { key: 'annualVolatility', label: 'Annual volatility', format: percentOf('annualVolatility') },
  { key: 'sharpe', label: 'Sharpe ratio', format: (s) => formatRatio(s.sharpe) },
  { key: 'sortino', label: 'Sortino ratio', format: (s) => formatRatio(s.sortino) },
  { key: 'calmar', label: 'Calmar ratio', format: (s) => formatRatio(s.calmar) },
  { key: 'maxDrawdown', label: 'Max drawdown', format: percentOf('maxDrawdown') },
  { key: 'maxDrawdownAmount', label: 'Max drawdown amount', format: (s) => formatMoney(s.maxDrawdownAmount) },
  {
    key: 'maxDrawdownDurationMs',
    label: 'Longest drawdown',
    format: (s) =>
      `${formatDuration(s.maxDrawdownDurationMs)} (${formatCount(s.maxDrawdownDurationBars)} bars)`,
  },
  { key: 'trades', label: 'Trades', format: (s) => formatCount(s.trades) },
  { key: 'winRate', label: 'Win rate', format: percentOf('winRate') },
  { key: 'profitFactor', label: 'Profit factor', format: (s) => formatRatio(s.profitFactor) },
  { key: 'expectancy', label: 'Expectancy per trade', format: (s) => formatSignedMoney(s.expectancy) },
  { key: 'averageWin', label: 'Average win', format: (s) => formatMoney(s.averageWin) },
  { key: 'averageLoss', label: 'Average loss', format: (s) => formatMoney(s.averageLoss) },
  { key: 'largestWin', label: 'Largest win', format: (s) => formatMoney(s.largestWin) },
  { key: 'largestLoss', label: 'Largest loss', format: (s) => formatMoney(s.largestLoss) },
  { key: 'exposure', label: 'Exposure', format: percentOf('exposure') },
  {
    key: 'maxConsecutiveWins',
    label: 'Most wins in a row',
    format: (s) => formatCount(s.maxConsecutiveWins),
  },
  {
    key: 'maxConsecutiveLosses',
    label: 'Most losses in a row',
    format: (s) => formatCount(s.maxConsecutiveLosses),
  },
  { key: 'totalFees', label: 'Total fees', format: (s) => formatMoney(s.totalFees) },
  { key: 'periodsPerYear', label: 'Bars per year', format: (s) => formatCount(s.periodsPerYear) },
];

/** The statistics as a two-column table; each row carries data-statistic with the field's name. */
export function renderStatisticsTable(statistics: BacktestStatistics): string {
  const rows = STATISTIC_ROWS.map(
    (row) =>
      `<tr data-statistic="${row.key}"><th scope="row">${escapeHtml(row.label)}</th>` +
      `<td>${escapeHtml(row.format(statistics))}</td></tr>`,
  );
  return `<table class="statistics"><tbody>\n${rows.join('\n')}\n</tbody></table>`;
}
