import { bars, runScript } from '../testing/engine-fixtures.js';

const series = bars([
  [100, 101, 99, 100],
  [100, 102, 98, 101],
  [90, 91, 89, 90],
  [95, 96, 84, 95],
]);

describe('short positions', () => {
  it('make money when the price falls: sold at 100, covered at 90', () => {
    const { result, log } = runScript(series, (context, step) => {
      if (step === 0) context.sell(10);
      if (step === 1) context.closePosition();
    });
    // (100 − 90) × 10 = 100.
    expect(result.trades).toEqual([
      expect.objectContaining({
        direction: 'short',
        quantity: 10,
        entryPrice: 100,
        exitPrice: 90,
        grossPnl: 100,
        pnl: 100,
        bars: 1,
        open: false,
      }),
    ]);
    // Bar 1: the sale adds 1,000 to cash (101,000); the short is worth −10 × 101: equity 99,990.
    expect(log.seen[1]).toEqual({ position: -10, cash: 101_000, equity: 99_990 });
    // Covered for 900: cash and equity 100,100.
    expect(log.seen[2]).toEqual({ position: 0, cash: 100_100, equity: 100_100 });
    expect(result.statistics.finalEquity).toBe(100_100);
  });

  it('reverse long to short in one fill through zero: two trades, the fee split by quantity', () => {
    // perOrder 2. Long 10 at 100 (fee 2); sell 20 at 90 (fee 2: 1 closes the long, 1 opens the short);
    // buy 10 at 95 (fee 2).
    // Long: gross (90 − 100) × 10 = −100, fees 2 + 1, pnl −103.
    // Short: gross (90 − 95) × 10 = −50, fees 1 + 2, pnl −53.
    const { result, log } = runScript(
      series,
      (context, step) => {
        if (step === 0) context.buy(10);
        if (step === 1) context.sell(20);
        if (step === 2) context.buy(10);
      },
      { commission: { perOrder: 2, bps: 0 } },
    );
    expect(log.seen.map((seen) => seen.position)).toEqual([0, 10, -10, 0]);
    expect(result.trades).toEqual([
      expect.objectContaining({ direction: 'long', entryPrice: 100, exitPrice: 90, fees: 3, pnl: -103 }),
      expect.objectContaining({ direction: 'short', entryPrice: 90, exitPrice: 95, fees: 3, pnl: -53 }),
    ]);
    // 100,000 − 103 − 53.
    expect(result.statistics.finalEquity).toBe(99_844);
  });

  it('reverse long to short with a close and a new sell filled at the same open: two trades', () => {
    const { result } = runScript(series, (context, step) => {
      if (step === 0) context.buy(10);
      if (step === 1) {
        context.closePosition();
        context.sell(10);
      }
    });
    // Long 100 → 90: −100; short 90, open at the end, marked at the last close 95: −50.
    expect(result.trades).toEqual([
      expect.objectContaining({ direction: 'long', exitPrice: 90, pnl: -100, open: false }),
      expect.objectContaining({ direction: 'short', entryPrice: 90, exitPrice: 95, pnl: -50, open: true }),
    ]);
  });

  it("drop the long's stop-loss when a fill reverses it, so the stop does not act on the short", () => {
    // Long 10 with a stop at 85; reversed at 90 on bar 2. Bar 3's low 84 would have hit the stop and
    // sold 10 more; the short stays −10.
    const { log } = runScript(series, (context, step) => {
      if (step === 0) context.buy(10, { stopLoss: 85 });
      if (step === 1) context.sell(20);
    });
    expect(log.fills.map((fill) => [fill.side, fill.quantity, fill.price])).toEqual([
      ['buy', 10, 100],
      ['sell', 20, 90],
    ]);
    expect(log.seen.at(-1)!.position).toBe(-10);
  });
});
