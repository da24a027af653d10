import type { StrategyOrderRequest } from '../strategy/strategy-order.js';
import { bars, runScript, scripted, settings } from '../testing/engine-fixtures.js';
import type { BacktestSettings } from './backtest-settings.js';
import { runBacktest } from './run-backtest.js';

// Bought on bar 0's signal at bar 1's open 100, sold on bar 1's signal at bar 2's open 110.
const series = bars([
  [100, 101, 99, 100],
  [100, 102, 99, 101],
  [110, 111, 109, 110],
]);

/** Places `order` on bar 0 and nothing else. */
function placeOnFirstBar(order: StrategyOrderRequest, overrides: Partial<BacktestSettings>) {
  return runScript(
    series,
    (context, step) => {
      if (step === 0) context.submit(order);
    },
    overrides,
  );
}

function roundTrip(overrides: Partial<BacktestSettings>, quantity = 10) {
  return runScript(
    series,
    (context, step) => {
      if (step === 0) context.buy(quantity);
      if (step === 1) context.closePosition();
    },
    overrides,
  );
}

describe('commission', () => {
  it('charges the per-order amount plus basis points of each fill notional', () => {
    // perOrder 1, 10 bps. Buy 10 × 100 = 1,000: fee 1 + 1,000 × 0.001 = 2.
    // Sell 10 × 110 = 1,100: fee 1 + 1,100 × 0.001 = 2.10. Trade: gross 100, fees 4.10, pnl 95.90.
    const { result, log } = roundTrip({ commission: { perOrder: 1, bps: 10 } });
    expect(log.fills.map((fill) => fill.fee)).toEqual([2, expect.closeTo(2.1, 12)]);
    expect(result.trades[0]!.grossPnl).toBe(100);
    expect(result.trades[0]!.fees).toBeCloseTo(4.1, 12);
    expect(result.trades[0]!.pnl).toBeCloseTo(95.9, 12);
    expect(result.statistics.totalFees).toBeCloseTo(4.1, 12);
    // Cash: 100,000 − 1,000 − 2 + 1,100 − 2.10 = 100,095.90.
    expect(result.statistics.finalEquity).toBeCloseTo(100_095.9, 9);
  });

  it('takes the fee out of cash at the fill', () => {
    // After bar 1: cash 100,000 − 1,000 − 2 = 98,998; equity 98,998 + 10 × 101 = 100,008.
    const { log } = roundTrip({ commission: { perOrder: 1, bps: 10 } });
    expect(log.seen[1]).toEqual({ position: 10, cash: 98_998, equity: 100_008 });
  });
});

describe('slippage', () => {
  it('in basis points moves market fills against the trader', () => {
    // 50 bps: buy 100 × 1.005 = 100.5, sell 110 × 0.995 = 109.45; (109.45 − 100.5) × 10 = 89.5.
    const { result, log } = roundTrip({ slippage: { kind: 'bps', amount: 50 } });
    expect(log.fills.map((fill) => fill.price)).toEqual([
      expect.closeTo(100.5, 12),
      expect.closeTo(109.45, 12),
    ]);
    expect(result.trades[0]!.pnl).toBeCloseTo(89.5, 9);
  });

  it('in basis points rounds to the tick against the trader', () => {
    // 10 bps, tick 0.25: buy 100.1 → up to 100.25, sell 109.89 → down to 109.75; (109.75 − 100.25) × 10 = 95.
    const { result, log } = roundTrip({
      slippage: { kind: 'bps', amount: 10 },
      instruments: { TEST: { tickSize: 0.25, lotSize: 0 } },
    });
    expect(log.fills.map((fill) => fill.price)).toEqual([100.25, 109.75]);
    expect(result.trades[0]!.pnl).toBe(95);
  });

  it('in ticks moves market fills by whole ticks against the trader', () => {
    // 2 ticks of 0.05: buy 100 + 0.10 = 100.10, sell 110 − 0.10 = 109.90; (109.90 − 100.10) × 10 = 98.
    const { result, log } = roundTrip({
      slippage: { kind: 'ticks', amount: 2 },
      instruments: { TEST: { tickSize: 0.05, lotSize: 0 } },
    });
    expect(log.fills.map((fill) => fill.price)).toEqual([expect.closeTo(100.1, 9), expect.closeTo(109.9, 9)]);
    expect(result.trades[0]!.pnl).toBeCloseTo(98, 9);
  });

  it('applies to a stop fill and not to a limit fill', () => {
    // 2 ticks of 0.05. Sell stop 99.5 on bar 1 (low 99): 99.5 − 0.10 = 99.40. Buy limit 99.5 on bar 1:
    // filled at 99.5 exactly.
    const ticks: Partial<BacktestSettings> = {
      slippage: { kind: 'ticks', amount: 2 },
      instruments: { TEST: { tickSize: 0.05, lotSize: 0 } },
    };
    const stop = placeOnFirstBar({ side: 'sell', quantity: 10, type: 'stop', stopPrice: 99.5 }, ticks);
    const limit = placeOnFirstBar({ side: 'buy', quantity: 10, type: 'limit', limitPrice: 99.5 }, ticks);
    expect(stop.log.fills[0]!.price).toBeCloseTo(99.4, 9);
    expect(limit.log.fills[0]!.price).toBe(99.5);
  });

  it('in ticks needs a tick size for the symbol', () => {
    const { definition } = scripted(() => undefined);
    expect(() =>
      runBacktest(definition, {}, [series], settings({ slippage: { kind: 'ticks', amount: 1 } })),
    ).toThrow(/tick size for TEST/);
  });
});

describe('tick and lot rounding', () => {
  it('puts a limit price on the nearest tick', () => {
    // Tick 0.25: a buy limit at 99.6 rests at 99.5; bar 1 (open 100, low 99) fills it at 99.5.
    const { log } = placeOnFirstBar(
      { side: 'buy', quantity: 10, type: 'limit', limitPrice: 99.6 },
      { instruments: { TEST: { tickSize: 0.25, lotSize: 0 } } },
    );
    expect(log.fills[0]!.price).toBe(99.5);
  });

  it('rounds a quantity down to the lot', () => {
    // Lot 10: 25 → 20 bought at 100, sold at 110: (110 − 100) × 20 = 200.
    const { result, log } = roundTrip({ instruments: { TEST: { tickSize: 0, lotSize: 10 } } }, 25);
    expect(log.fills.map((fill) => fill.quantity)).toEqual([20, 20]);
    expect(result.trades[0]!.pnl).toBe(200);
  });

  it('rejects an order whose quantity rounds to zero lots, through onOrderRejected', () => {
    // Lot 100: 50 rounds to 0.
    const { result, log } = roundTrip({ instruments: { TEST: { tickSize: 0, lotSize: 100 } } }, 50);
    expect(log.rejected).toEqual([
      expect.objectContaining({ side: 'buy', status: 'rejected', reason: 'quantity rounds to zero lots' }),
    ]);
    expect(log.fills).toEqual([]);
    expect(result.trades).toEqual([]);
    expect(result.statistics.finalEquity).toBe(100_000);
  });
});
