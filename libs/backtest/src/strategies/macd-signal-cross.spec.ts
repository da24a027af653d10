import { resolveParameters } from '../strategy/resolve-parameters.js';
import { refusal, runStrategy, tradeRows, walkBars } from '../testing/engine-fixtures.js';
import { MACD_SIGNAL_CROSS } from './macd-signal-cross.js';

describe('MACD signal cross', () => {
  it('buys the bar after MACD crosses above its signal line and sells after it crosses below', () => {
    // MACD(2, 4, 2) over closes 10 10 10 10 8 6 9 12 14 13 10 (each bar opens at the previous close).
    //   bar 4: EMA(2) 10 + 2/3 × (8 − 10) = 8.667, EMA(4) 10 + 0.4 × (8 − 10) = 9.2, MACD −0.533;
    //          signal = mean of MACD on bars 3–4 = (0 − 0.533)/2 = −0.267 → MACD below (first reading)
    //   bar 5: MACD −1.031, signal −0.776 → below
    //   bar 6: MACD −0.056, signal −0.296 → above: cross up
    //   bar 8: MACD 1.435, signal 1.136 → above
    //   bar 9: MACD 0.882, signal 0.967 → below: cross down
    // Bought at bar 7's open 9, sold at bar 10's open 13: +4.
    const result = runStrategy(
      MACD_SIGNAL_CROSS,
      { fast: 2, slow: 4, signal: 2 },
      walkBars([10, 10, 10, 10, 8, 6, 9, 12, 14, 13, 10]),
    );
    expect(tradeRows(result)).toEqual([
      { direction: 'long', entryBar: 7, entryPrice: 9, exitBar: 10, exitPrice: 13, pnl: 4, open: false },
    ]);
  });

  it('warms up over slow + signal − 1 bars', () => {
    expect(MACD_SIGNAL_CROSS.warmupBars(resolveParameters(MACD_SIGNAL_CROSS))).toBe(26 + 9 - 1);
  });

  it('resolves its schema with the defaults: 12 / 26 / 9', () => {
    expect(resolveParameters(MACD_SIGNAL_CROSS)).toEqual({
      fast: 12,
      slow: 26,
      signal: 9,
      allowShort: false,
      stopLossPercent: 0,
      takeProfitPercent: 0,
    });
  });

  it('refuses a bad parameter, naming it', () => {
    expect(refusal(() => resolveParameters(MACD_SIGNAL_CROSS, { signal: 0 }))).toEqual({
      parameter: 'signal',
      message: 'signal must lie between 1 and 500',
    });
    expect(refusal(() => resolveParameters(MACD_SIGNAL_CROSS, { fast: 26, slow: 26 }))).toEqual({
      parameter: 'fast',
      message: 'fast must be shorter than slow',
    });
  });
});
