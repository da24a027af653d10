import { bars, runScript } from '../testing/engine-fixtures.js';

// Bar 0 closes at 100 (the signal close); bar 1 opens at 125 (the fill).
const series = bars([
  [100, 101, 99, 100],
  [125, 126, 79, 125],
  [125, 126, 124, 125],
]);

describe('position sizing', () => {
  it('fixed: an order without a quantity takes the fixed quantity', () => {
    const { log } = runScript(
      series,
      (context, step) => {
        if (step === 0) context.buy();
      },
      { sizing: { kind: 'fixed', quantity: 7 } },
    );
    expect(log.fills.map((fill) => [fill.quantity, fill.price])).toEqual([[7, 125]]);
  });

  it("percent of equity: worth the percent at the signal bar's close, not at the fill", () => {
    // 50 % of 100,000 at the close 100 = 500 units (at the fill price 125 it would be 400).
    const { log } = runScript(
      series,
      (context, step) => {
        if (step === 0) context.buy();
      },
      { sizing: { kind: 'percent_of_equity', percent: 50 } },
    );
    expect(log.fills.map((fill) => [fill.quantity, fill.price])).toEqual([[500, 125]]);
    // Cash 100,000 − 500 × 125 = 37,500.
    expect(log.seen[1]!.cash).toBe(37_500);
  });

  it('percent of equity: a limit order is sized at its limit price', () => {
    // 10 % of 100,000 at the limit 80 = 125 units; bar 1's low 79 fills it at 80.
    const { log } = runScript(
      series,
      (context, step) => {
        if (step === 0) context.buy(undefined, { type: 'limit', limitPrice: 80 });
      },
      { sizing: { kind: 'percent_of_equity', percent: 10 } },
    );
    expect(log.fills.map((fill) => [fill.quantity, fill.price])).toEqual([[125, 80]]);
  });

  it('percent of equity: sized on equity including the open position marked at the close', () => {
    // 100 bought at bar 1's open 100; bar 1 closes at 150: equity 100,000 + 100 × (150 − 100) = 105,000.
    // 20 % of it at 150 = 140 more units, filled at bar 2's open.
    const { log } = runScript(
      bars([
        [100, 101, 99, 100],
        [100, 150, 100, 150],
        [150, 151, 149, 150],
      ]),
      (context, step) => {
        if (step === 0) context.buy(100);
        if (step === 1) context.buy();
      },
      { sizing: { kind: 'percent_of_equity', percent: 20 } },
    );
    expect(log.seen[1]!.equity).toBe(105_000);
    expect(log.fills.map((fill) => fill.quantity)).toEqual([100, 140]);
  });

  it('cuts an order to what equity can pay for (no leverage)', () => {
    // 100 % of 100,000 at the close 100 = 1,000 units, but the fill is at 125: 100,000 / 125 = 800.
    const { log } = runScript(
      series,
      (context, step) => {
        if (step === 0) context.buy();
      },
      { sizing: { kind: 'percent_of_equity', percent: 100 } },
    );
    expect(log.fills.map((fill) => fill.quantity)).toEqual([800]);
    expect(log.seen[1]!.cash).toBe(0);
  });

  it('leaves room for the fee and rounds the cut down to the lot', () => {
    // 1,000 asked at 125 with a fee of 10 and lot 1: (100,000 − 10) / 125 = 799.92 → 799.
    const { log } = runScript(
      series,
      (context, step) => {
        if (step === 0) context.buy(1_000);
      },
      { commission: { perOrder: 10, bps: 0 }, instruments: { TEST: { tickSize: 0, lotSize: 1 } } },
    );
    expect(log.fills.map((fill) => fill.quantity)).toEqual([799]);
    // 100,000 − 799 × 125 − 10 = 115.
    expect(log.seen[1]!.cash).toBe(115);
  });

  it('cuts a short the same way: gross exposure stays within equity', () => {
    const { log } = runScript(series, (context, step) => {
      if (step === 0) context.sell(1_000);
    });
    expect(log.fills.map((fill) => [fill.side, fill.quantity])).toEqual([['sell', 800]]);
  });

  it('rejects an order when no equity is left for any of it', () => {
    // 800 bought at 125 use all of the 100,000; 10 more at bar 2's open 125 cannot be paid.
    const { log } = runScript(series, (context, step) => {
      if (step === 0) context.buy(800);
      if (step === 1) context.buy(10);
    });
    expect(log.fills.map((fill) => fill.quantity)).toEqual([800]);
    expect(log.rejected).toEqual([
      expect.objectContaining({ side: 'buy', reason: 'insufficient equity for the fill' }),
    ]);
  });
});
