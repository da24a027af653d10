import { randomUUID } from 'node:crypto';
import type Big from 'big.js';
import { dec } from '../../paper-engine.js';
import type { BybitQuote } from '../market/bybit-market.js';
import { markPriceOf } from '../market/bybit-ticker-view.js';
import { unexecuted, type BybitOrder, type BybitTriggerBy } from './bybit-order.js';
import type { BybitPositionState } from './bybit-position-book.js';

/** The price a trigger of type `by` watches: LastPrice, or the mark (the simulator's index is the mark). */
export function watchedPrice(quote: BybitQuote, by: BybitTriggerBy | ''): Big {
  return by === 'MarkPrice' || by === 'IndexPrice' ? markPriceOf(quote) : quote.last;
}

/** Whether an untriggered order's trigger has been reached: direction 1 waits for a rise, 2 for a fall. */
export function triggerReached(order: BybitOrder, quote: BybitQuote): boolean {
  if (order.status !== 'Untriggered' || order.triggerPrice === null) return false;
  const price = watchedPrice(quote, order.triggerBy);
  return order.triggerDirection === 1 ? price.gte(order.triggerPrice) : price.lte(order.triggerPrice);
}

/**
 * The position's Full-mode take profit or stop loss as Bybit lists it: a system order on the closing
 * side, Untriggered, Market on trigger, reduce-only and close-on-trigger, quantity 0 (the whole
 * position at the time it triggers).
 */
export function exitOrder(
  kind: 'TakeProfit' | 'StopLoss',
  position: BybitPositionState,
  triggerPrice: Big,
  triggerBy: BybitTriggerBy,
  sequence: number,
  lastPrice: Big,
  nowMs: number,
): BybitOrder {
  const long = position.size.gt(0);
  const rising = kind === 'TakeProfit' ? long : !long;
  return {
    sequence,
    orderId: randomUUID(),
    orderLinkId: '',
    category: 'linear',
    instrument: position.instrument,
    side: long ? 'Sell' : 'Buy',
    orderType: 'Market',
    price: null,
    qty: dec(0),
    marketUnit: '',
    timeInForce: 'IOC',
    triggerPrice,
    triggerDirection: rising ? 1 : 2,
    triggerBy,
    stopOrderType: kind,
    takeProfit: null,
    stopLoss: null,
    tpTriggerBy: '',
    slTriggerBy: '',
    reduceOnly: true,
    closeOnTrigger: true,
    createType: kind === 'TakeProfit' ? 'CreateByTakeProfit' : 'CreateByStopLoss',
    lastPriceOnCreated: lastPrice,
    status: 'Untriggered',
    ...unexecuted(nowMs),
  };
}
