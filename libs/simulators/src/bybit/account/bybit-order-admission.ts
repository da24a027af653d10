import type Big from 'big.js';
import type { BybitQuote } from '../market/bybit-market.js';
import { roundToStep } from '../../paper-engine.js';
import type { BybitAccountBook } from './bybit-account-book.js';
import { type BybitOrder, isConditional } from './bybit-order.js';
import { orderErrors } from './bybit-order-codes.js';
import type { BybitOrderRequest } from './bybit-order-request.js';

/** Bybit's per-symbol caps (docs/v5/order/create-order.mdx "Open orders up limit"). */
const MAX_ACTIVE_PER_SYMBOL = 500;
const MAX_CONDITIONAL_PER_SYMBOL = 10;
const MAX_SPOT_OPEN = 500;

/** Refuses an order beyond the account's open-order caps for its category and symbol. */
export function checkOpenOrderCaps(book: BybitAccountBook, request: BybitOrderRequest): void {
  const errors = orderErrors(request.category);
  const open = book.openOrders(request.category);
  if (request.category === 'spot') {
    if (open.length >= MAX_SPOT_OPEN) throw errors.tooManyOrders();
    return;
  }
  const same = open.filter((order) => order.instrument === request.instrument);
  if (request.triggerPrice !== null) {
    if (same.filter((order) => order.stopOrderType === 'Stop').length >= MAX_CONDITIONAL_PER_SYMBOL) {
      throw errors.tooManyStopOrders();
    }
  } else if (same.filter((order) => !isConditional(order)).length >= MAX_ACTIVE_PER_SYMBOL) {
    throw errors.tooManyOrders();
  }
}

/**
 * Base-coin quantity for the engine; a spot market order by value trades what its amount is worth at
 * the touch (the ask for a Buy, the bid for a Sell), rounded down to the base precision.
 */
export function engineQty(book: BybitAccountBook, order: BybitOrder, quote: BybitQuote): Big {
  if (order.marketUnit !== 'quoteCoin') return reduceOnlyQty(book, order) ?? order.qty;
  const touch = order.side === 'Buy' ? quote.ask : quote.bid;
  const qty = roundToStep(order.qty.div(touch), order.instrument.qtyStep, 'down');
  if (qty.lte(0)) throw orderErrors('spot').qtyNotPositive();
  return qty;
}

/**
 * A reduce-only order only shrinks the position: refused with 110017 when there is nothing on the
 * other side, cut to the position's size when larger.
 */
function reduceOnlyQty(book: BybitAccountBook, order: BybitOrder): Big | null {
  if (!order.reduceOnly) return null;
  const size = book.positions.of(order.instrument).size;
  const closes = order.side === 'Buy' ? size.lt(0) : size.gt(0);
  if (!closes) throw orderErrors(order.category).reduceOnlyEmpty();
  if (order.qty.gt(size.abs())) order.qty = size.abs();
  return order.qty;
}

/** A limit that would trade on arrival: what PostOnly refuses. */
export function wouldTake(order: BybitOrder, quote: BybitQuote): boolean {
  if (!order.price) return true;
  return order.side === 'Buy' ? order.price.gte(quote.ask) : order.price.lte(quote.bid);
}
