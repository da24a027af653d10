import { bars, day, runScript } from '../testing/engine-fixtures.js';

// Four daily bars, [open, high, low, close].
const series = bars([
  [100, 102, 99, 101],
  [103, 105, 102, 104],
  [106, 108, 105, 107],
  [108, 109, 107, 108],
]);

describe('market orders', () => {
  it('fill at the next bar open by default', () => {
    const { result, log } = runScript(series, (context, step) => {
      if (step === 0) context.buy(10);
      if (step === 1) context.sell(10);
    });
    // Bought on bar 0's signal at bar 1's open 103, sold on bar 1's signal at bar 2's open 106.
    expect(log.fills.map((fill) => [fill.side, fill.price, fill.time])).toEqual([
      ['buy', 103, day(1)],
      ['sell', 106, day(2)],
    ]);
    // (106 − 103) × 10 = 30.
    expect(result.trades).toHaveLength(1);
    expect(result.trades[0]).toMatchObject({ entryPrice: 103, exitPrice: 106, pnl: 30, open: false });
    expect(result.statistics.finalEquity).toBe(100_030);
  });

  it('are not filled on the bar whose close placed them: the position is still flat in that onBar', () => {
    const { log } = runScript(series, (context, step) => {
      if (step === 0) context.buy(10);
    });
    expect(log.seen.map((seen) => seen.position)).toEqual([0, 10, 10, 10]);
  });

  it("fill at the signal bar's close when marketFill is 'close'", () => {
    const { result, log } = runScript(
      series,
      (context, step) => {
        if (step === 0) context.buy(10);
        if (step === 1) context.sell(10);
      },
      { marketFill: 'close' },
    );
    // Bought at bar 0's close 101, sold at bar 1's close 104: (104 − 101) × 10 = 30.
    expect(log.fills.map((fill) => [fill.side, fill.price, fill.time])).toEqual([
      ['buy', 101, day(0)],
      ['sell', 104, day(1)],
    ]);
    expect(result.trades[0]).toMatchObject({ entryPrice: 101, exitPrice: 104, pnl: 30 });
    // Equity marked at bar 0's close already holds the position: 100,000 − 1,010 + 10 × 101.
    expect(result.equity.equity[0]).toBe(100_000);
    expect(result.equity.equity[1]).toBe(100_030);
  });

  it('placed on the last bar never fill (there is no next open)', () => {
    const { result, log } = runScript(series, (context, step) => {
      if (step === 3) context.buy(10);
    });
    expect(log.fills).toEqual([]);
    expect(result.trades).toEqual([]);
    expect(result.statistics.finalEquity).toBe(100_000);
  });
});
