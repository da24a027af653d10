import { dec, roundToStep, type Ticker, toDecimalString } from '../../paper-engine.js';
import type { TwsAccount } from '../account/tws-account.js';
import { isLive, type TwsOrderRecord } from './tws-order-record.js';

/**
 * TRAIL orders, which TWS simulates itself: a sell's stop follows the bid up by the trailing amount (or
 * percent) and never down, a buy's follows the ask down; touched, the order goes to market.
 */
export class TwsTrailingStops {
  private readonly armed = new Set<TwsOrderRecord>();

  constructor(private readonly trigger: (order: TwsOrderRecord) => Promise<void>) {}

  /** Starts trailing from `ticker`, or from the client's initial trailStopPrice when it gave one. */
  arm(order: TwsOrderRecord, ticker: Ticker): void {
    this.armed.add(order);
    order.trailStopPrice ??= this.stopFrom(order, ticker);
    this.check(order, ticker);
  }

  disarm(order: TwsOrderRecord): void {
    this.armed.delete(order);
  }

  onTicker(account: TwsAccount, ticker: Ticker): void {
    for (const order of [...this.armed]) {
      if (order.account !== account || order.instrument.localSymbol !== ticker.symbol) continue;
      if (!isLive(order)) {
        this.armed.delete(order);
        continue;
      }
      const candidate = dec(this.stopFrom(order, ticker));
      const current = dec(order.trailStopPrice!);
      const better = order.action === 'BUY' ? candidate.lt(current) : candidate.gt(current);
      if (better) order.trailStopPrice = toDecimalString(candidate);
      this.check(order, ticker);
    }
  }

  private check(order: TwsOrderRecord, ticker: Ticker): void {
    const stop = dec(order.trailStopPrice!);
    const touched = order.action === 'BUY' ? dec(ticker.ask).gte(stop) : dec(ticker.bid).lte(stop);
    if (!touched) return;
    this.armed.delete(order);
    void this.trigger(order);
  }

  /** The stop the trail implies at this quote, on the contract's tick. */
  private stopFrom(order: TwsOrderRecord, ticker: Ticker): string {
    const buy = order.action === 'BUY';
    const reference = dec(buy ? ticker.ask : ticker.bid);
    const amount =
      order.trailingPercent !== undefined
        ? reference.times(order.trailingPercent).div(100)
        : dec(order.auxPrice ?? '0');
    const stop = buy ? reference.plus(amount) : reference.minus(amount);
    return toDecimalString(roundToStep(stop, order.instrument.minTick, buy ? 'up' : 'down'));
  }
}
