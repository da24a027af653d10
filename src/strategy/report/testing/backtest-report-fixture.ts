import type { ClosedTrade } from '#backtest/engine/closed-trade.js';
import type { BacktestStatistics } from '#backtest/statistics/backtest-statistics.js';

import type { BacktestReportData } from '../backtest-report-data.js';

const DAY_MS = 86_400_000;
const START_MS = Date.UTC(2023, 0, 2);

export const FIXTURE_STATISTICS: BacktestStatistics = {
  startingCash: 10_000,
  finalEquity: 11_234.56,
  totalReturn: 0.123456,
  cagr: 0.1032,
  annualVolatility: 0.1811,
  sharpe: 0.87,
  sortino: 1.21,
  calmar: 1.5,
  maxDrawdown: 0.0688,
  maxDrawdownAmount: 741.2,
  maxDrawdownDurationMs: 41 * DAY_MS + 6 * 3_600_000,
  maxDrawdownDurationBars: 41,
  trades: 4,
  winRate: 0.75,
  profitFactor: null,
  expectancy: 308.64,
  averageWin: 512.1,
  averageLoss: -301.8,
  largestWin: 830.25,
  largestLoss: -301.8,
  exposure: 0.42,
  maxConsecutiveWins: 2,
  maxConsecutiveLosses: 1,
  totalFees: 12.4,
  periodsPerYear: 252,
};

function trade(
  fields: Partial<ClosedTrade> & Pick<ClosedTrade, 'direction' | 'entryTime' | 'exitTime' | 'pnl'>,
): ClosedTrade {
  return {
    symbol: 'GOOG',
    quantity: 10,
    entryPrice: 100,
    exitPrice: 100 + fields.pnl / 10,
    grossPnl: fields.pnl + 3.1,
    fees: 3.1,
    returnFraction: fields.pnl / 1000,
    bars: Math.round((fields.exitTime - fields.entryTime) / DAY_MS),
    mae: -45,
    mfe: 120,
    open: false,
    ...fields,
  };
}

/** Four trades: two longs, a short that lost, and a long still open when the run ended. */
export const FIXTURE_TRADES: readonly ClosedTrade[] = [
  trade({
    direction: 'long',
    entryTime: START_MS + 20 * DAY_MS,
    exitTime: START_MS + 55 * DAY_MS,
    pnl: 830.25,
  }),
  trade({
    direction: 'short',
    entryTime: START_MS + 80 * DAY_MS,
    exitTime: START_MS + 101 * DAY_MS,
    pnl: -301.8,
  }),
  trade({
    direction: 'long',
    entryTime: START_MS + 150 * DAY_MS,
    exitTime: START_MS + 190 * DAY_MS,
    pnl: 406.11,
  }),
  trade({
    direction: 'long',
    entryTime: START_MS + 260 * DAY_MS,
    exitTime: START_MS + 299 * DAY_MS,
    pnl: 300,
    open: true,
  }),
];

/** Marker count the fixture must show: an entry per trade, an exit per trade that was closed. */
export const FIXTURE_MARKER_COUNT = FIXTURE_TRADES.length + FIXTURE_TRADES.filter((t) => !t.open).length;

/** A deterministic wave, so the candles look like a market and every run draws the same page. */
function priceAt(day: number): number {
  return 100 + 12 * Math.sin(day / 17) + 5 * Math.sin(day / 5.3) + day * 0.04;
}

/** A run over `days` daily bars with equity and drawdown per bar, shaped like the engine's output. */
export function makeReportData(days = 300, overrides: Partial<BacktestReportData> = {}): BacktestReportData {
  const time: number[] = [];
  const open: number[] = [];
  const high: number[] = [];
  const low: number[] = [];
  const close: number[] = [];
  const equity: number[] = [];
  const drawdown: number[] = [];
  let peak = Number.NEGATIVE_INFINITY;
  for (let day = 0; day < days; day++) {
    const first = priceAt(day - 0.5);
    const last = priceAt(day);
    time.push(START_MS + day * DAY_MS);
    open.push(first);
    close.push(last);
    high.push(Math.max(first, last) + 0.8 + (day % 3) * 0.3);
    low.push(Math.min(first, last) - 0.7 - (day % 4) * 0.2);
    const value = 10_000 + day * 4 + 300 * Math.sin(day / 23);
    equity.push(value);
    peak = Math.max(peak, value);
    drawdown.push((peak - value) / peak);
  }
  return {
    id: 'bt_01HZX3',
    strategy: 'SMA crossover',
    parameters: { fast: 10, slow: 30, source: 'close' },
    symbol: 'GOOG',
    timeframe: '1d',
    from: new Date(START_MS).toISOString(),
    to: new Date(START_MS + (days - 1) * DAY_MS).toISOString(),
    createdAt: '2024-05-01T09:30:00.000Z',
    statistics: FIXTURE_STATISTICS,
    equity: { time, equity },
    drawdown,
    candles: { time, open, high, low, close },
    trades: FIXTURE_TRADES,
    ...overrides,
  };
}
