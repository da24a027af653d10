import { bars, barOf, runStrategy, tradeRows, walkBars } from '../testing/engine-fixtures.js';
import { SMA_CROSSOVER } from './moving-average-crossovers.js';

// SMA(2)/SMA(3) over closes 10 9 8 7 10 13 16 15 12 9 (see sma-crossover.spec.ts): crosses up on bar 4,
// down on bar 8; each bar opens at the previous close.
const CLOSES = [10, 9, 8, 7, 10, 13, 16, 15, 12, 9];
const SMA_2_3 = { fast: 2, slow: 3 };

describe('the exit parameters every built-in shares (on the SMA crossover)', () => {
  it('allowShort: false only closes the long on a sell signal', () => {
    const result = runStrategy(SMA_CROSSOVER, SMA_2_3, walkBars(CLOSES));
    expect(tradeRows(result).map((trade) => trade.direction)).toEqual(['long']);
    expect(result.equity.equity.at(-1)).toBe(100_002);
  });

  it('allowShort: true reverses the long into a short at the same open', () => {
    // Long 10 → 12 (+2) closed at bar 9's open; short from 12, marked at the last close 9: +3.
    const result = runStrategy(SMA_CROSSOVER, { ...SMA_2_3, allowShort: true }, walkBars(CLOSES));
    expect(tradeRows(result)).toEqual([
      { direction: 'long', entryBar: 5, entryPrice: 10, exitBar: 9, exitPrice: 12, pnl: 2, open: false },
      { direction: 'short', entryBar: 9, entryPrice: 12, exitBar: 9, exitPrice: 9, pnl: 3, open: true },
    ]);
  });

  it("takeProfitPercent: a target that far above the signal bar's close", () => {
    // Signal close 10 on bar 4, +50 % → target 15. Bar 6 opens 13 and reaches 16: sold at 15, +5.
    const result = runStrategy(SMA_CROSSOVER, { ...SMA_2_3, takeProfitPercent: 50 }, walkBars(CLOSES));
    expect(tradeRows(result)).toEqual([
      { direction: 'long', entryBar: 5, entryPrice: 10, exitBar: 6, exitPrice: 15, pnl: 5, open: false },
    ]);
  });

  it("stopLossPercent: a stop that far below the signal bar's close, not below the fill", () => {
    // Signal close 10 on bar 4, −10 % → stop 9 (from the fill 10.5 it would be 9.45). Bar 6 opens 11
    // and falls to 8.5: sold at 9, 9 − 10.5 = −1.5. Bar 7's cross down finds the position already flat.
    const result = runStrategy(
      SMA_CROSSOVER,
      { ...SMA_2_3, stopLossPercent: 10 },
      bars([
        [10, 10, 10, 10],
        [10, 10, 9, 9],
        [9, 9, 8, 8],
        [8, 8, 7, 7],
        [7, 10, 7, 10],
        [10.5, 11, 10.5, 11],
        [11, 11, 8.5, 9],
        [9, 9, 8, 8],
        [8, 8, 8, 8],
      ]),
    );
    expect(tradeRows(result)).toEqual([
      { direction: 'long', entryBar: 5, entryPrice: 10.5, exitBar: 6, exitPrice: 9, pnl: -1.5, open: false },
    ]);
  });

  it('a short bracket mirrors it: the stop above the signal close, the target below', () => {
    // Short on bar 8's signal (close 12) at bar 9's open 12: stop 12 × 1.1 = 13.2, target 12 × 0.5 = 6.
    // Bar 10 opens 9 and rallies to 14: covered at 13.2, 12 − 13.2 = −1.2.
    const result = runStrategy(
      SMA_CROSSOVER,
      { ...SMA_2_3, allowShort: true, stopLossPercent: 10, takeProfitPercent: 50 },
      walkBars([...CLOSES, 14]),
    );
    const short = result.trades.find((trade) => trade.direction === 'short')!;
    expect(barOf(short.exitTime)).toBe(10);
    expect(short.exitPrice).toBeCloseTo(13.2, 12);
    expect(short.pnl).toBeCloseTo(-1.2, 12);
    expect(short.open).toBe(false);
  });
});
