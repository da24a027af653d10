import { bars, runScript } from '../testing/engine-fixtures.js';

describe('maximum adverse and favourable excursion (MAE, MFE)', () => {
  it('of a long: the worst low and best high of the bars held, times the quantity', () => {
    // Entry 100 × 10 at bar 1's open; held through bars 1–3, sold at bar 4's open 100.
    // Lows 97, 101, 95 → worst (95 − 100) × 10 = −50. Highs 104, 108, 106 → best (108 − 100) × 10 = 80.
    // Bar 4 (low 90, high 120) is not counted: the position left at its open.
    const { result } = runScript(
      bars([
        [100, 101, 99, 100],
        [100, 104, 97, 102],
        [103, 108, 101, 106],
        [105, 106, 95, 99],
        [100, 120, 90, 101],
      ]),
      (context, step) => {
        if (step === 0) context.buy(10);
        if (step === 3) context.closePosition();
      },
    );
    expect(result.trades[0]).toMatchObject({ mae: -50, mfe: 80, pnl: 0 });
  });

  it('of a short: the worst high and best low', () => {
    // Sold 10 at 100; highs 104, 108 → (100 − 108) × 10 = −80; lows 97, 101 → (100 − 97) × 10 = 30.
    const { result } = runScript(
      bars([
        [100, 101, 99, 100],
        [100, 104, 97, 102],
        [103, 108, 101, 106],
        [105, 106, 104, 105],
      ]),
      (context, step) => {
        if (step === 0) context.sell(10);
        if (step === 2) context.closePosition();
      },
    );
    expect(result.trades[0]).toMatchObject({ direction: 'short', mae: -80, mfe: 30, pnl: -50 });
  });

  it('reach at least the exit: a long stopped out inside a bar has an MAE no better than its loss', () => {
    // Entry 100 × 10, stop 95. Bar 1's low 99 gives −10; bar 2 hits the stop and exits at 95 (−50), so
    // the trade was 50 under water while open: MAE −50 (not −10, and not bar 2's low 90, reached after
    // the exit).
    const { result } = runScript(
      bars([
        [100, 101, 99, 100],
        [100, 101, 99, 100.5],
        [99, 100, 90, 92],
      ]),
      (context, step) => {
        if (step === 0) context.buy(10, { stopLoss: 95 });
      },
    );
    expect(result.trades[0]).toMatchObject({ exitPrice: 95, grossPnl: -50, mae: -50, mfe: 10 });
  });

  it('reach at least the exit: a target filled inside a bar has an MFE no worse than its gain', () => {
    // Entry 100 × 10, target 110 filled on bar 2 (high 112): MFE (110 − 100) × 10 = 100, not bar 1's 10.
    const { result } = runScript(
      bars([
        [100, 101, 99, 100],
        [100, 101, 99, 100.5],
        [101, 112, 100, 111],
      ]),
      (context, step) => {
        if (step === 0) context.buy(10, { takeProfit: 110 });
      },
    );
    expect(result.trades[0]).toMatchObject({ exitPrice: 110, grossPnl: 100, mfe: 100, mae: -10 });
  });
});
