import { randomUUID } from 'node:crypto';
import type { OrderRequest } from '#brokers';
import type { OrderEvent, OrderEventSource, OrderRecord } from './order-record.js';

/** A fresh `new` order for `request`, before the broker has seen it. */
export function newOrderRecord(
  account: string,
  request: OrderRequest,
  fingerprint: string,
  strategy: string | null = null,
): OrderRecord {
  const now = new Date().toISOString();
  return {
    id: randomUUID(),
    account,
    clientOrderId: request.clientOrderId,
    brokerOrderId: null,
    symbol: request.symbol,
    side: request.side,
    type: request.type,
    timeInForce: request.timeInForce,
    quantity: request.quantity,
    filledQuantity: '0',
    averageFillPrice: null,
    price: request.price ?? null,
    stopPrice: request.stopPrice ?? null,
    trailingAmount: request.trailingAmount ?? null,
    takeProfit: request.takeProfit ?? null,
    stopLoss: request.stopLoss ?? null,
    status: 'new',
    role: 'entry',
    parentId: null,
    strategy,
    rejectReason: null,
    createdAt: now,
    updatedAt: now,
    fingerprint,
    revision: 0,
  };
}

/** The audit-trail entry for `order` as it stands now. */
export function orderEvent(
  order: OrderRecord,
  source: OrderEventSource,
  reason: string | null = null,
  payload: unknown = null,
): OrderEvent {
  return {
    orderId: order.id,
    account: order.account,
    clientOrderId: order.clientOrderId,
    symbol: order.symbol,
    status: order.status,
    filledQuantity: order.filledQuantity,
    source,
    reason,
    payload,
    at: order.updatedAt,
  };
}
