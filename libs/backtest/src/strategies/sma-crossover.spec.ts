import { resolveParameters } from '../strategy/resolve-parameters.js';
import { refusal, runStrategy, tradeRows, walkBars } from '../testing/engine-fixtures.js';
import { SMA_CROSSOVER } from './moving-average-crossovers.js';

describe('SMA crossover', () => {
  it('buys the bar after the fast SMA crosses above the slow one and sells after it crosses back', () => {
    // fast 2, slow 3 over closes 10 9 8 7 10 13 16 15 12 9 (each bar opens at the previous close).
    //   bar      2     3     4       …  7       8
    //   SMA(2)   8.5   7.5   8.5        15.5    13.5
    //   SMA(3)   9     8     8.333      14.667  14.333
    // Fast below slow on bars 2–3, above on bar 4 (cross up), below again on bar 8 (cross down).
    // Bought at bar 5's open 10, sold at bar 9's open 12: +2.
    const result = runStrategy(
      SMA_CROSSOVER,
      { fast: 2, slow: 3 },
      walkBars([10, 9, 8, 7, 10, 13, 16, 15, 12, 9]),
    );
    expect(tradeRows(result)).toEqual([
      { direction: 'long', entryBar: 5, entryPrice: 10, exitBar: 9, exitPrice: 12, pnl: 2, open: false },
    ]);
  });

  it('needs no more than slow bars of warm-up', () => {
    expect(SMA_CROSSOVER.warmupBars(resolveParameters(SMA_CROSSOVER, { fast: 2, slow: 3 }))).toBe(3);
  });

  it('resolves its schema with the defaults: 10 / 30, long only, no bracket', () => {
    expect(resolveParameters(SMA_CROSSOVER)).toEqual({
      fast: 10,
      slow: 30,
      allowShort: false,
      stopLossPercent: 0,
      takeProfitPercent: 0,
    });
  });

  it('refuses a bad parameter, naming it', () => {
    expect(refusal(() => resolveParameters(SMA_CROSSOVER, { fast: 0 }))).toEqual({
      parameter: 'fast',
      message: 'fast must lie between 1 and 1000',
    });
    expect(refusal(() => resolveParameters(SMA_CROSSOVER, { slow: 2.5 })).parameter).toBe('slow');
    expect(refusal(() => resolveParameters(SMA_CROSSOVER, { fast: 30, slow: 10 }))).toEqual({
      parameter: 'fast',
      message: 'fast must be shorter than slow',
    });
    expect(refusal(() => resolveParameters(SMA_CROSSOVER, { period: 5 })).parameter).toBe('period');
  });
});
