import type { OrderRole, OrderSide, OrderStatus, OrderType, TimeInForce } from '#brokers';
import type { orderEvents, orders } from '../persistence/schema/index.js';
import type { OrderEvent, OrderEventSource, OrderRecord } from './order-record.js';

type OrderRow = typeof orders.$inferSelect;
type EventRow = typeof orderEvents.$inferSelect;

/** An `orders` row as the order path sees it. */
export function toOrderRecord(row: OrderRow): OrderRecord {
  return {
    ...row,
    side: row.side as OrderSide,
    type: row.type as OrderType,
    timeInForce: row.timeInForce as TimeInForce,
    status: row.status as OrderStatus,
    role: row.role as OrderRole,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** An `order_events` row as the audit trail reads it. */
export function toOrderEvent(row: EventRow): OrderEvent {
  return {
    orderId: row.orderId,
    account: row.account,
    clientOrderId: row.clientOrderId,
    symbol: row.symbol,
    status: row.status as OrderStatus,
    filledQuantity: row.filledQuantity,
    source: row.source as OrderEventSource,
    reason: row.reason,
    payload: row.payload ?? null,
    at: row.at.toISOString(),
  };
}
