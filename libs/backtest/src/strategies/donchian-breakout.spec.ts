import { resolveParameters } from '../strategy/resolve-parameters.js';
import { refusal, runStrategy, tradeRows, walkBars } from '../testing/engine-fixtures.js';
import { DONCHIAN_BREAKOUT } from './donchian-breakout.js';

describe('Donchian breakout', () => {
  it('buys a close above the previous bars’ highest high and leaves below their lowest low', () => {
    // Entry period 3, exit period 2. Each bar opens at the previous close and ranges to its close:
    //   bar    0   1   2   3   4   5   6   7   8   9
    //   close 10  11  10  11  13  18  20  21  17  17
    //   high  10  11  11  11  13  18  20  21  21  17
    //   low   10  10  10  10  11  13  18  20  17  17
    // Bar 3: 11 is not above the highest high of bars 0–2 (11). Bar 4: 13 > max(bars 1–3) = 11: buy.
    // Bar 8: 17 < min(lows of bars 6–7) = 18: exit (and not below bars 5–7's low 13: no short signal).
    // Bought at bar 5's open 13, sold at bar 9's open 17: +4.
    const result = runStrategy(
      DONCHIAN_BREAKOUT,
      { entryPeriod: 3, exitPeriod: 2 },
      walkBars([10, 11, 10, 11, 13, 18, 20, 21, 17, 17]),
    );
    expect(tradeRows(result)).toEqual([
      { direction: 'long', entryBar: 5, entryPrice: 13, exitBar: 9, exitPrice: 17, pnl: 4, open: false },
    ]);
  });

  it('warms up over the longer of its two periods', () => {
    expect(DONCHIAN_BREAKOUT.warmupBars(resolveParameters(DONCHIAN_BREAKOUT, { exitPeriod: 25 }))).toBe(25);
  });

  it('resolves its schema with the defaults: the turtle 20 / 10', () => {
    expect(resolveParameters(DONCHIAN_BREAKOUT)).toEqual({
      entryPeriod: 20,
      exitPeriod: 10,
      allowShort: false,
      stopLossPercent: 0,
      takeProfitPercent: 0,
    });
  });

  it('refuses a bad parameter, naming it', () => {
    expect(refusal(() => resolveParameters(DONCHIAN_BREAKOUT, { entryPeriod: 1 }))).toEqual({
      parameter: 'entryPeriod',
      message: 'entryPeriod must lie between 2 and 1000',
    });
    expect(refusal(() => resolveParameters(DONCHIAN_BREAKOUT, { stopLossPercent: 60 }))).toEqual({
      parameter: 'stopLossPercent',
      message: 'stopLossPercent must lie between 0 and 50',
    });
  });
});
