import { randomUUID } from 'node:crypto';
import type Big from 'big.js';
import { unexecuted, type BybitOrder } from './bybit-order.js';
import type { BybitOrderRequest } from './bybit-order-request.js';

/**
 * The record of an accepted order: a UUID orderId as Bybit's derivatives hand out, `Untriggered` for
 * a conditional order, else `New` until the engine says more.
 */
export function newOrder(
  request: BybitOrderRequest,
  sequence: number,
  lastPrice: Big,
  nowMs: number,
): BybitOrder {
  const conditional = request.triggerPrice !== null;
  return {
    sequence,
    orderId: randomUUID(),
    orderLinkId: request.orderLinkId,
    category: request.category,
    instrument: request.instrument,
    side: request.side,
    orderType: request.orderType,
    price: request.price,
    qty: request.qty,
    marketUnit: request.marketUnit,
    timeInForce: request.timeInForce,
    triggerPrice: request.triggerPrice,
    triggerDirection: request.triggerDirection,
    triggerBy: request.triggerBy,
    stopOrderType: conditional ? 'Stop' : '',
    takeProfit: request.takeProfit,
    stopLoss: request.stopLoss,
    tpTriggerBy: request.tpTriggerBy,
    slTriggerBy: request.slTriggerBy,
    reduceOnly: request.reduceOnly,
    closeOnTrigger: request.closeOnTrigger,
    // docs/v5/enum.mdx createType: CreateByStopOrder is a futures conditional order.
    createType: conditional ? 'CreateByStopOrder' : 'CreateByUser',
    lastPriceOnCreated: lastPrice,
    status: conditional ? 'Untriggered' : 'New',
    ...unexecuted(nowMs),
  };
}
