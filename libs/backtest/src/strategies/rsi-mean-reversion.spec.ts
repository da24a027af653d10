import { resolveParameters } from '../strategy/resolve-parameters.js';
import { refusal, runStrategy, tradeRows, walkBars } from '../testing/engine-fixtures.js';
import { RSI_MEAN_REVERSION } from './rsi-mean-reversion.js';

// Wilder RSI(3) over these closes (each bar opens at the previous close):
//   bar 3 (11): gains 1,1,0 losses 0,0,1 → avg 2/3 and 1/3, RS 2      → 66.67
//   bar 4 (9):  avg gain 4/9, avg loss (2/3 + 2)/3 = 8/9, RS 1/2       → 33.33
//   bar 5 (7):  8/27 and (16/9 + 2)/3 = 34/27, RS 8/34                 → 19.05  < 30: buy
//   bar 6 (8):  43/81 and 68/81                                        → 38.74  hold
//   bar 7 (10): 248/243 and 136/243                                    → 64.58  ≥ 50: exit
//   bar 8 (12):                                                          78.31  > 70: short signal
const CLOSES = [10, 11, 12, 11, 9, 7, 8, 10, 12, 13];

describe('RSI mean reversion', () => {
  it('buys after RSI falls under oversold and leaves after it recovers to the exit level', () => {
    // Bought at bar 6's open 7, sold at bar 8's open 10: +3. Bar 8's overbought reading opens no short.
    const result = runStrategy(RSI_MEAN_REVERSION, { period: 3 }, walkBars(CLOSES));
    expect(tradeRows(result)).toEqual([
      { direction: 'long', entryBar: 6, entryPrice: 7, exitBar: 8, exitPrice: 10, pnl: 3, open: false },
    ]);
  });

  it('with allowShort, sells short after RSI rises over overbought', () => {
    // Bar 8 (78.31 > 70): short at bar 9's open 12, open at the end, marked at the close 13: −1.
    const result = runStrategy(RSI_MEAN_REVERSION, { period: 3, allowShort: true }, walkBars(CLOSES));
    expect(tradeRows(result)).toEqual([
      { direction: 'long', entryBar: 6, entryPrice: 7, exitBar: 8, exitPrice: 10, pnl: 3, open: false },
      { direction: 'short', entryBar: 9, entryPrice: 12, exitBar: 9, exitPrice: 13, pnl: -1, open: true },
    ]);
  });

  it('resolves its schema with the defaults: 14 bars, 30 / 70, exit at 50', () => {
    expect(resolveParameters(RSI_MEAN_REVERSION)).toEqual({
      period: 14,
      oversold: 30,
      overbought: 70,
      exitLevel: 50,
      allowShort: false,
      stopLossPercent: 0,
      takeProfitPercent: 0,
    });
  });

  it('refuses a bad parameter, naming it', () => {
    expect(refusal(() => resolveParameters(RSI_MEAN_REVERSION, { period: 1 }))).toEqual({
      parameter: 'period',
      message: 'period must lie between 2 and 500',
    });
    expect(refusal(() => resolveParameters(RSI_MEAN_REVERSION, { oversold: 60 }))).toEqual({
      parameter: 'exitLevel',
      message: 'oversold < exitLevel < overbought must hold',
    });
  });
});
