import { resolveParameters } from '../strategy/resolve-parameters.js';
import { refusal, runStrategy, tradeRows, walkBars } from '../testing/engine-fixtures.js';
import { BOLLINGER_REVERSION } from './bollinger-reversion.js';

describe('Bollinger band reversion', () => {
  it('buys a close under the lower band and leaves at the middle band', () => {
    // Period 4, 1 deviation (population), closes 10 11 10 11 8 9 10.5 (each bar opens at the previous close).
    //   bar 4: window 11 10 11 8, mean 10, variance (1 + 0 + 1 + 4)/4 = 1.5, lower 10 − 1.2247 = 8.775;
    //          close 8 < 8.775: buy.
    //   bar 5: window 10 11 8 9, mean 9.5: close 9 is under the middle, hold.
    //   bar 6: window 11 8 9 10.5, mean 9.625, upper 10.817: 9.625 ≤ 10.5 ≤ 10.817, exit.
    // Bought at bar 5's open 8, sold at bar 7's open 10.5: +2.5.
    const result = runStrategy(
      BOLLINGER_REVERSION,
      { period: 4, deviations: 1 },
      walkBars([10, 11, 10, 11, 8, 9, 10.5, 10.5]),
    );
    expect(tradeRows(result)).toEqual([
      { direction: 'long', entryBar: 5, entryPrice: 8, exitBar: 7, exitPrice: 10.5, pnl: 2.5, open: false },
    ]);
  });

  it('resolves its schema with the defaults: 20 bars, 2 deviations', () => {
    expect(resolveParameters(BOLLINGER_REVERSION)).toEqual({
      period: 20,
      deviations: 2,
      allowShort: false,
      stopLossPercent: 0,
      takeProfitPercent: 0,
    });
  });

  it('refuses a bad parameter, naming it', () => {
    expect(refusal(() => resolveParameters(BOLLINGER_REVERSION, { deviations: 0 }))).toEqual({
      parameter: 'deviations',
      message: 'deviations must lie between 0.1 and 10',
    });
    expect(refusal(() => resolveParameters(BOLLINGER_REVERSION, { period: '20' }))).toEqual({
      parameter: 'period',
      message: 'period must be an integer',
    });
  });
});
