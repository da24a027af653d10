import type { StrategyOrder } from '../strategy/strategy-order.js';
import { bars, runScript, type Ohlc } from '../testing/engine-fixtures.js';

// Bar 0 signals a bracket buy of 10 (target 110, stop 95); bar 1 fills it at its open 100.
const SIGNAL: Ohlc = [100, 101, 99, 100];
const ENTRY: Ohlc = [100, 102, 98, 101];

function bracketRun(
  after: readonly Ohlc[],
  onStep?: (step: number, orders: readonly StrategyOrder[]) => void,
) {
  return runScript(bars([SIGNAL, ENTRY, ...after]), (context, step) => {
    if (step === 0) context.buy(10, { takeProfit: 110, stopLoss: 95 });
    onStep?.(step, context.openOrders());
  });
}

describe('bracket orders', () => {
  it('place a take-profit limit and a stop-loss stop for the filled quantity once the entry fills', () => {
    const legs: StrategyOrder[][] = [];
    bracketRun([[101, 103, 99, 102]], (_step, orders) => legs.push(orders.map((order) => ({ ...order }))));
    expect(legs[0]).toHaveLength(1); // only the entry rests after bar 0
    expect(legs[1]).toEqual([
      expect.objectContaining({
        side: 'sell',
        type: 'limit',
        limitPrice: 110,
        quantity: 10,
        tag: 'take-profit',
      }),
      expect.objectContaining({ side: 'sell', type: 'stop', stopPrice: 95, quantity: 10, tag: 'stop-loss' }),
    ]);
    expect(legs[1]!.every((leg) => leg.parentId === 'o1')).toBe(true);
  });

  it('take the stop when one bar reaches both the stop and the target (the conservative rule)', () => {
    // Bar 2 ranges 94..111: both 95 and 110 lie inside it; the stop wins. (95 − 100) × 10 = −50.
    const { result, log } = bracketRun([[101, 111, 94, 105]]);
    expect(log.fills.map((fill) => [fill.side, fill.price])).toEqual([
      ['buy', 100],
      ['sell', 95],
    ]);
    expect(result.trades[0]).toMatchObject({ exitPrice: 95, pnl: -50, open: false });
  });

  it('fill the stop leg at the open when the bar gaps below it', () => {
    // Bar 2 opens 92 < 95: (92 − 100) × 10 = −80.
    const { result } = bracketRun([[92, 93, 90, 91]]);
    expect(result.trades[0]).toMatchObject({ exitPrice: 92, pnl: -80 });
  });

  it('are one-cancels-other: the target filling cancels the stop, which a later bar then does not fill', () => {
    // Bar 2 reaches 110 (low 103 stays above 95): (110 − 100) × 10 = +100. Bar 3 falls through 95 and
    // must find no stop left: still flat at the end.
    const open: number[] = [];
    const { result, log } = bracketRun(
      [
        [104, 111, 103, 110],
        [100, 101, 90, 92],
      ],
      (_step, orders) => open.push(orders.length),
    );
    expect(log.fills.map((fill) => [fill.side, fill.price])).toEqual([
      ['buy', 100],
      ['sell', 110],
    ]);
    expect(open).toEqual([1, 2, 0, 0]);
    expect(result.trades).toHaveLength(1);
    expect(result.trades[0]).toMatchObject({ pnl: 100, open: false });
  });

  it('are not eligible on the bar the entry filled on', () => {
    // The entry bar 1 ranges 94..112 (both legs inside it) yet neither leg acts before bar 2, which
    // reaches the target: exit 110.
    const { result } = runScript(
      bars([SIGNAL, [100, 112, 94, 101], [104, 111, 103, 110]]),
      (context, step) => {
        if (step === 0) context.buy(10, { takeProfit: 110, stopLoss: 95 });
      },
    );
    expect(result.trades[0]).toMatchObject({ entryPrice: 100, exitPrice: 110, pnl: 100 });
  });

  it('are dropped when the strategy closes the position itself', () => {
    // Closed on bar 1's signal at bar 2's open 101 (+10); bar 3 goes through both 95 and 110 and fills
    // neither: no short opened by the stop, no extra trade.
    const open: number[] = [];
    const { result, log } = runScript(
      bars([SIGNAL, ENTRY, [101, 102, 100, 101], [100, 115, 90, 100]]),
      (context, step) => {
        if (step === 0) context.buy(10, { takeProfit: 110, stopLoss: 95 });
        if (step === 1) context.closePosition();
        open.push(context.openOrders().length);
      },
    );
    expect(log.fills.map((fill) => [fill.side, fill.price])).toEqual([
      ['buy', 100],
      ['sell', 101],
    ]);
    expect(open).toEqual([1, 3, 0, 0]);
    expect(result.trades).toEqual([expect.objectContaining({ pnl: 10, open: false })]);
    expect(log.seen.at(-1)!.position).toBe(0);
  });

  it('on a short: the buy stop above wins over the buy target below when one bar holds both', () => {
    // Sold 10 at 100, stop 105, target 90; bar 2 ranges 89..106: covered at 105, (100 − 105) × 10 = −50.
    const { result } = runScript(bars([SIGNAL, ENTRY, [100, 106, 89, 95]]), (context, step) => {
      if (step === 0) context.sell(10, { takeProfit: 90, stopLoss: 105 });
    });
    expect(result.trades[0]).toMatchObject({ direction: 'short', entryPrice: 100, exitPrice: 105, pnl: -50 });
  });
});
