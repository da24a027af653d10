import type { StrategyOrderRequest } from '../strategy/strategy-order.js';
import { bars, day, runScript, type Ohlc } from '../testing/engine-fixtures.js';

const SIGNAL_BAR: Ohlc = [100, 101, 99, 100];

/** Places `order` (10 units) on bar 0 and lets the bars after it try to fill it. */
function fillsOf(order: Omit<StrategyOrderRequest, 'quantity'>, after: readonly Ohlc[]) {
  const { log } = runScript(bars([SIGNAL_BAR, ...after]), (context, step) => {
    if (step === 0) context.submit({ ...order, quantity: 10 });
  });
  return log.fills.map((fill) => ({ price: fill.price, bar: (fill.time - day(0)) / (day(1) - day(0)) }));
}

describe('limit orders', () => {
  const buyLimit = { side: 'buy', type: 'limit', limitPrice: 97 } as const;

  it('fill a buy at the limit when the bar opens above it and its low reaches it', () => {
    // open 99 > 97, low 96 ≤ 97: filled at 97, not at the better low.
    expect(fillsOf(buyLimit, [[99, 100, 96, 98]])).toEqual([{ price: 97, bar: 1 }]);
  });

  it('fill a buy at the open when the bar gaps below the limit', () => {
    // open 95 ≤ 97: the market first traded at 95, better than the limit.
    expect(fillsOf(buyLimit, [[95, 96, 94, 95.5]])).toEqual([{ price: 95, bar: 1 }]);
  });

  it('do not fill while no bar reaches the limit, and fill on the first that does', () => {
    // lows 98 and 97.5 stay above 97; bar 3's low 96.5 reaches it.
    const fills = fillsOf(buyLimit, [
      [99, 100, 98, 99],
      [99, 100, 97.5, 99],
      [98, 99, 96.5, 97],
    ]);
    expect(fills).toEqual([{ price: 97, bar: 3 }]);
  });

  it('fill a sell at the limit when the high reaches it, at the open on a gap above it', () => {
    const sellLimit = { side: 'sell', type: 'limit', limitPrice: 103 } as const;
    expect(fillsOf(sellLimit, [[101, 104, 100, 102]])).toEqual([{ price: 103, bar: 1 }]);
    expect(fillsOf(sellLimit, [[105, 106, 104, 105]])).toEqual([{ price: 105, bar: 1 }]);
  });
});

describe('stop orders', () => {
  const sellStop = { side: 'sell', type: 'stop', stopPrice: 97 } as const;

  it('fill a sell at the stop when the low goes through it', () => {
    // open 99 > 97, low 96 ≤ 97: triggered and filled at 97 (no slippage set).
    expect(fillsOf(sellStop, [[99, 100, 96, 98]])).toEqual([{ price: 97, bar: 1 }]);
  });

  it('fill a sell at the open when the bar gaps below the stop (worse than the stop)', () => {
    expect(fillsOf(sellStop, [[95, 96, 94, 95.5]])).toEqual([{ price: 95, bar: 1 }]);
  });

  it('do not fill while no bar reaches the stop', () => {
    expect(
      fillsOf(sellStop, [
        [99, 100, 98, 99],
        [99, 100, 97.5, 99],
      ]),
    ).toEqual([]);
  });

  it('fill a buy at the stop when the high reaches it, at the open on a gap above it', () => {
    const buyStop = { side: 'buy', type: 'stop', stopPrice: 103 } as const;
    expect(fillsOf(buyStop, [[101, 104, 100, 102]])).toEqual([{ price: 103, bar: 1 }]);
    expect(fillsOf(buyStop, [[105, 106, 104, 105]])).toEqual([{ price: 105, bar: 1 }]);
  });
});

describe('stop-limit orders', () => {
  it('fill at the stop when triggered inside the bar with the limit above it', () => {
    // Buy stop 105 limit 106: the high 107 triggers at 105 ≤ 106, filled at 105.
    const order = { side: 'buy', type: 'stop_limit', stopPrice: 105, limitPrice: 106 } as const;
    expect(fillsOf(order, [[103, 107, 102, 106]])).toEqual([{ price: 105, bar: 1 }]);
  });

  it('fill at the open when the bar gaps through the stop but not the limit', () => {
    // Opens 105.5: triggered at 105.5 ≤ 106, filled at 105.5.
    const order = { side: 'buy', type: 'stop_limit', stopPrice: 105, limitPrice: 106 } as const;
    expect(fillsOf(order, [[105.5, 107, 105, 106]])).toEqual([{ price: 105.5, bar: 1 }]);
  });

  it('rest as a limit from the next bar when the trigger is beyond the limit', () => {
    // Bar 1 gaps to 107 > limit 106: triggered, not marketable, nothing fills on bar 1 even though its
    // low 105 is under the limit (the path after the open is unknown). Bar 2 opens 106.5 > 106 and its
    // low 105.5 reaches the limit: filled at 106.
    const order = { side: 'buy', type: 'stop_limit', stopPrice: 105, limitPrice: 106 } as const;
    expect(
      fillsOf(order, [
        [107, 108, 105, 107],
        [106.5, 107, 105.5, 106],
      ]),
    ).toEqual([{ price: 106, bar: 2 }]);
  });

  it('triggered bars after it was placed, rest from the bar after the trigger, not the trigger bar', () => {
    // Buy stop 105 limit 104. Bar 1 (high 102) does not trigger. Bar 2 triggers at 105 > 104: it must not
    // fill on bar 2, whose open 103 came before the trigger. Bar 3 opens 104.5 > 104, low 103.5: filled at 104.
    const order = { side: 'buy', type: 'stop_limit', stopPrice: 105, limitPrice: 104 } as const;
    expect(
      fillsOf(order, [
        [101, 102, 100, 101],
        [103, 105.5, 102, 105],
        [104.5, 105, 103.5, 104],
      ]),
    ).toEqual([{ price: 104, bar: 3 }]);
  });

  it('a sell stop-limit mirrors it: triggered at the stop, filled at the stop when the limit allows', () => {
    // Sell stop 95 limit 94: the low 93 triggers at 95 ≥ 94, filled at 95.
    const order = { side: 'sell', type: 'stop_limit', stopPrice: 95, limitPrice: 94 } as const;
    expect(fillsOf(order, [[97, 98, 93, 94]])).toEqual([{ price: 95, bar: 1 }]);
  });
});

describe('cancelling a resting order', () => {
  it('takes it off the book: a later bar that reaches its price does not fill it', () => {
    const answers: boolean[] = [];
    const { log } = runScript(
      bars([SIGNAL_BAR, [99, 100, 98, 99], [96, 97, 89, 92]]),
      (context, step, log) => {
        if (step === 0) log.ids.limit = context.buy(10, { type: 'limit', limitPrice: 90 });
        if (step === 1) {
          expect(context.openOrders()).toHaveLength(1);
          answers.push(context.cancel(log.ids.limit!));
          answers.push(context.cancel(log.ids.limit!));
          expect(context.openOrders()).toEqual([]);
        }
      },
    );
    // Bar 2's low 89 would have filled the buy limit at 90.
    expect(log.fills).toEqual([]);
    expect(answers).toEqual([true, false]);
  });
});
