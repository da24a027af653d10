import { bars, day, runScript } from '../testing/engine-fixtures.js';

// Long 10 from bar 1's open 100 to bar 4's open 100 (signals on bars 0 and 3).
const series = bars([
  [100, 101, 99, 100],
  [100, 104, 97, 102],
  [103, 108, 101, 106],
  [105, 106, 95, 99],
  [100, 102, 99, 101],
]);

describe('cash, equity and exposure', () => {
  const { result, log } = runScript(
    series,
    (context, step) => {
      if (step === 0) context.buy(10);
      if (step === 3) context.closePosition();
    },
    { commission: { perOrder: 1, bps: 0 } },
  );

  it('moves cash by the fill notional and the fee, and marks equity at each close', () => {
    // Bar 1: cash 100,000 − 1,000 − 1 = 98,999; equity 98,999 + 10 × 102 = 100,019.
    // Bar 2: 98,999 + 1,060 = 100,059. Bar 3: 98,999 + 990 = 99,989.
    // Bar 4: sold for 1,000 − 1: cash and equity 99,998.
    expect(log.seen).toEqual([
      { position: 0, cash: 100_000, equity: 100_000 },
      { position: 10, cash: 98_999, equity: 100_019 },
      { position: 10, cash: 98_999, equity: 100_059 },
      { position: 10, cash: 98_999, equity: 99_989 },
      { position: 0, cash: 99_998, equity: 99_998 },
    ]);
    expect(Array.from(result.equity.equity)).toEqual([100_000, 100_019, 100_059, 99_989, 99_998]);
    expect(Array.from(result.equity.time)).toEqual([0, 1, 2, 3, 4].map(day));
  });

  it('reports the round trip with its fees and bars held', () => {
    // Gross (100 − 100) × 10 = 0, fees 2: pnl −2, return −2 / 1,000.
    expect(result.trades).toEqual([
      expect.objectContaining({
        entryTime: day(1),
        exitTime: day(4),
        grossPnl: 0,
        fees: 2,
        pnl: -2,
        returnFraction: -0.002,
        bars: 3,
        open: false,
      }),
    ]);
    expect(result.statistics).toMatchObject({ finalEquity: 99_998, totalFees: 2, trades: 1 });
  });

  it('counts the bars that end with a position open as exposure', () => {
    // Held at the close of bars 1, 2 and 3: 3 of 5.
    expect(result.statistics.exposure).toBeCloseTo(3 / 5, 15);
  });
});

describe('a position still open at the end', () => {
  const { result, log } = runScript(series, (context, step) => {
    if (step === 0) context.buy(10);
  });

  it('is reported as a trade with open: true, marked at the last close', () => {
    // Entry 100, last close 101: (101 − 100) × 10 = 10; bars 1 → 4.
    expect(result.trades).toEqual([
      expect.objectContaining({
        entryPrice: 100,
        exitPrice: 101,
        exitTime: day(4),
        pnl: 10,
        bars: 3,
        open: true,
      }),
    ]);
    // Not traded: no closing fill.
    expect(log.fills).toHaveLength(1);
  });

  it('makes final equity cash + position × last close', () => {
    // 99,000 + 10 × 101 = 100,010.
    expect(result.statistics.finalEquity).toBe(100_010);
    expect(result.equity.equity[4]).toBe(100_010);
  });

  it('does not count in the closed-trade statistics', () => {
    expect(result.statistics.trades).toBe(0);
    expect(result.statistics.exposure).toBeCloseTo(4 / 5, 15);
  });
});
