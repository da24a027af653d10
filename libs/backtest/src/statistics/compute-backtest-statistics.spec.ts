import { computeBacktestStatistics, type BacktestStatisticsInput } from './compute-backtest-statistics.js';
import { sharpeRatio, sortinoRatio } from './risk-adjusted-return.js';
import { tradeWithPnl } from './testing/trade-with-pnl.js';

const T0 = Date.UTC(2025, 0, 1);
const DAY = 86_400_000;
/** Five steps of 73.05 days span 365.25 days, one year exactly: the estimated periods per year are 5. */
const STEP = 73.05 * DAY;

function input(equity: number[], overrides: Partial<BacktestStatisticsInput> = {}): BacktestStatisticsInput {
  return {
    time: Float64Array.from(equity, (_, i) => T0 + i * STEP),
    equity: Float64Array.from(equity),
    trades: [],
    barsInMarket: 0,
    totalFees: 0,
    startingCash: 100,
    ...overrides,
  };
}

/** JSON has no NaN or Infinity (they turn into null): what survives a round trip was finite or null. */
function expectJsonSafe(value: object): void {
  expect(JSON.parse(JSON.stringify(value))).toEqual(value);
}

describe('computeBacktestStatistics', () => {
  // From 100: ×1.0, ×1.1, ×0.9, ×1.1, ×0.9, ×1.2, so the per-bar returns are 0, .1, −.1, .1, −.1, .2.
  const equity = [100, 110, 99, 108.9, 98.01, 117.612];
  const trades = [10, 100, 5, -4, 0, -6, -2, 12].map((pnl, i) => tradeWithPnl(pnl, i === 1));
  const statistics = computeBacktestStatistics(input(equity, { trades, barsInMarket: 4, totalFees: 3.5 }));

  it('works out the returns of a hand-computed curve', () => {
    // total return 117.612 / 100 − 1 = 0.17612; the span is one year, so CAGR = 1.17612^1 − 1 = 0.17612.
    expect(statistics).toMatchObject({ startingCash: 100, finalEquity: 117.612, periodsPerYear: 5 });
    expect(statistics.totalReturn).toBeCloseTo(0.17612, 12);
    expect(statistics.cagr).toBeCloseTo(0.17612, 12);
  });

  it('annualizes volatility, Sharpe and Sortino with the estimated 5 periods a year', () => {
    // mean 0.2 / 6 = 1/30; deviations (−1, 2, −4, 2, −4, 5) / 30, squares sum 66 / 900;
    // sample variance 66 / 900 / 5 = 66 / 4500, sd √66 / √4500.
    // volatility sd × √5 = √(66 / 900) = √66 / 30; Sharpe (1/30) / sd × √5 = 5 / √66.
    // downside: two −0.1 returns, √(0.02 / 6) = √(1/300); Sortino (1/30) × √300 × √5 = √(5/3).
    expect(statistics.annualVolatility).toBeCloseTo(Math.sqrt(66) / 30, 12);
    expect(statistics.sharpe).toBeCloseTo(5 / Math.sqrt(66), 12);
    expect(statistics.sortino).toBeCloseTo(Math.sqrt(5 / 3), 12);
  });

  it('runs the very ratios GET /performance uses on the same returns', () => {
    const returns = equity.map((value, i) => value / (i === 0 ? 100 : (equity[i - 1] as number)) - 1);
    expect(statistics.sharpe).toBe(sharpeRatio(returns, 5));
    expect(statistics.sortino).toBe(sortinoRatio(returns, 5));
  });

  it('measures the drawdown, its duration and Calmar', () => {
    // Peak 110 at bar 1; lowest after it 98.01 at bar 4: 11.99 / 110 = 0.109; recovered at bar 5 (117.612),
    // so 4 bars, 4 × 73.05 days, under water. Calmar 0.17612 / 0.109.
    expect(statistics.maxDrawdown).toBeCloseTo(0.109, 12);
    expect(statistics.maxDrawdownAmount).toBeCloseTo(11.99, 12);
    expect(statistics).toMatchObject({ maxDrawdownDurationMs: 4 * STEP, maxDrawdownDurationBars: 4 });
    expect(statistics.calmar).toBeCloseTo(0.17612 / 0.109, 12);
  });

  it('adds the trade statistics of the closed trades, exposure and fees', () => {
    // The trade list of trade-statistics.spec.ts: 7 closed trades, win rate 3/7, profit factor 27/12.
    // exposure 4 of 6 bars = 2/3.
    expect(statistics).toMatchObject({ trades: 7, winRate: 3 / 7, profitFactor: 2.25, expectancy: 15 / 7 });
    expect(statistics).toMatchObject({ maxConsecutiveWins: 2, maxConsecutiveLosses: 2, totalFees: 3.5 });
    expect(statistics.exposure).toBeCloseTo(2 / 3, 15);
    expectJsonSafe(statistics);
  });

  it('annualizes with periodsPerYear when it is given', () => {
    const daily = computeBacktestStatistics(input(equity, { periodsPerYear: 252 }));
    // Sharpe before annualizing √(5/66) (from 5/√66 = √(5/66) × √5), now × √252.
    expect(daily.periodsPerYear).toBe(252);
    expect(daily.sharpe).toBeCloseTo(Math.sqrt(5 / 66) * Math.sqrt(252), 12);
    expect(daily.cagr).toBeCloseTo(0.17612, 12); // CAGR reads the calendar, not the periods
  });

  it('has no ratio for a flat curve, and no drawdown', () => {
    // Returns 0, 0, 0: sd 0, so no Sharpe; no losing bar, so no Sortino; no drawdown, so no Calmar.
    const flat = computeBacktestStatistics(input([100, 100, 100]));
    expect(flat).toMatchObject({ totalReturn: 0, cagr: 0, annualVolatility: 0, sharpe: null, sortino: null });
    expect(flat).toMatchObject({ calmar: null, maxDrawdown: 0, maxDrawdownDurationMs: 0, trades: 0 });
    expect(flat).toMatchObject({ winRate: null, profitFactor: null, expectancy: null, exposure: 0 });
    expectJsonSafe(flat);
  });

  it('counts a drawdown still open at the end up to the last bar', () => {
    // 100, 120, 90, 96: peak 120 at bar 1, never regained: 2 bars under water; deepest 30 / 120 = 0.25.
    const open = computeBacktestStatistics(input([100, 120, 90, 96], { time: times(4, 4_207_680_000) }));
    expect(open).toMatchObject({ maxDrawdown: 0.25, maxDrawdownAmount: 30, maxDrawdownDurationBars: 2 });
    // Steps of 2/3 × 73.05 = 48.7 days: 2 of them under water; the 3 of the span are 146.1 days, 0.4 years,
    // so CAGR 0.96^(1 / 0.4) − 1 = 0.96^2.5 − 1, Calmar that over 0.25.
    expect(open.maxDrawdownDurationMs).toBe(2 * 4_207_680_000); // 48.7 days is 4,207,680,000 ms
    expect(open.cagr).toBeCloseTo(0.96 ** 2.5 - 1, 12);
    expect(open.calmar).toBeCloseTo((0.96 ** 2.5 - 1) / 0.25, 12);
  });

  it('reports a single bar: a return, but no span to annualize over', () => {
    // One bar at 105 from 100: total return 0.05, one per-bar return (too few for a deviation);
    // no span, so no CAGR and no estimated periods (reported as 0).
    const single = computeBacktestStatistics(input([105], { barsInMarket: 1 }));
    expect(single.totalReturn).toBeCloseTo(0.05, 12);
    expect(single).toMatchObject({ cagr: null, annualVolatility: null, sharpe: null, sortino: null });
    expect(single).toMatchObject({ calmar: null, maxDrawdown: 0, periodsPerYear: 0, exposure: 1 });
    expectJsonSafe(single);
  });

  it('reports a run with no bars at its starting cash', () => {
    const empty = computeBacktestStatistics(input([]));
    expect(empty).toMatchObject({ finalEquity: 100, totalReturn: 0, cagr: null, sharpe: null, exposure: 0 });
    expectJsonSafe(empty);
  });

  it('has no CAGR once everything is lost, and skips returns after zero equity', () => {
    // 100 → 50 → 0 → 0: returns −0.5, −1, then none (0 → 0 has no return); deepest fall 50 / 50 = 1.
    const ruined = computeBacktestStatistics(input([50, 0, 0]));
    expect(ruined).toMatchObject({ totalReturn: -1, cagr: null, calmar: null, maxDrawdown: 1 });
    // Two returns, mean −0.75, deviations ±0.25: sample sd √(0.125 / 1); Sharpe −0.75 / √0.125 × √ppy,
    // with the estimated 2 intervals / 0.4 years = 5 periods a year.
    expect(ruined.sharpe).toBeCloseTo((-0.75 / Math.sqrt(0.125)) * Math.sqrt(5), 12);
  });

  it('refuses inputs that cannot describe a run', () => {
    expect(() => computeBacktestStatistics(input([100], { time: new Float64Array(2) }))).toThrow(RangeError);
    expect(() => computeBacktestStatistics(input([100], { startingCash: 0 }))).toThrow(/startingCash/);
    expect(() => computeBacktestStatistics(input([100], { periodsPerYear: 0 }))).toThrow(/periodsPerYear/);
    expect(() => computeBacktestStatistics(input([100], { barsInMarket: 2 }))).toThrow(/barsInMarket/);
    expect(() => computeBacktestStatistics(input([100, Number.NaN]))).toThrow(/equity\[1\]/);
  });
});

function times(count: number, step: number): Float64Array {
  return Float64Array.from({ length: count }, (_, i) => T0 + i * step);
}
