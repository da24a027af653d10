import { resolveParameters } from '../strategy/resolve-parameters.js';
import { refusal, runStrategy, tradeRows, walkBars } from '../testing/engine-fixtures.js';
import { EMA_CROSSOVER } from './moving-average-crossovers.js';

describe('EMA crossover', () => {
  it('buys the bar after the fast EMA crosses above the slow one and sells after it crosses back', () => {
    // fast 2 (α 2/3), slow 4 (α 0.4), each seeded with the mean of its first bars, over closes
    // 10 9 8 7 10 13 16 15 12 9 8.
    //   bar 3: EMA(2) 8.5 + 2/3 × (7 − 8.5) = 7.5, EMA(4) (10+9+8+7)/4 = 8.5   → fast below
    //   bar 4: EMA(2) 7.5 + 2/3 × 2.5 = 9.1667,  EMA(4) 8.5 + 0.4 × 1.5 = 9.1  → cross up
    //   bar 7: EMA(2) 14.858,                   EMA(4) 13.678                 → still above
    //   bar 8: EMA(2) 14.858 + 2/3 × (12 − 14.858) = 12.953, EMA(4) 13.678 + 0.4 × (12 − 13.678) = 13.007
    //          → cross down
    // Bought at bar 5's open 10, sold at bar 9's open 12: +2.
    const result = runStrategy(
      EMA_CROSSOVER,
      { fast: 2, slow: 4 },
      walkBars([10, 9, 8, 7, 10, 13, 16, 15, 12, 9, 8]),
    );
    expect(tradeRows(result)).toEqual([
      { direction: 'long', entryBar: 5, entryPrice: 10, exitBar: 9, exitPrice: 12, pnl: 2, open: false },
    ]);
  });

  it('resolves its schema with the defaults: 12 / 26, long only, no bracket', () => {
    expect(resolveParameters(EMA_CROSSOVER)).toEqual({
      fast: 12,
      slow: 26,
      allowShort: false,
      stopLossPercent: 0,
      takeProfitPercent: 0,
    });
  });

  it('refuses a bad parameter, naming it', () => {
    expect(refusal(() => resolveParameters(EMA_CROSSOVER, { slow: 1 }))).toEqual({
      parameter: 'slow',
      message: 'slow must lie between 2 and 2000',
    });
    expect(refusal(() => resolveParameters(EMA_CROSSOVER, { fast: 26 })).parameter).toBe('fast');
    expect(refusal(() => resolveParameters(EMA_CROSSOVER, { allowShort: 'yes' }))).toEqual({
      parameter: 'allowShort',
      message: 'allowShort must be true or false',
    });
  });
});
