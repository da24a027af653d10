import { dec, toDecimalString } from '../../decimal/index.js';
import type { BrokerOrder, DecimalString } from '../../domain/index.js';
import { type PaperOrder, toBrokerOrder } from '../matching/paper-order.js';

/**
 * A paper order as the journal stores it: the port's BrokerOrder snapshot (readable as is by anyone
 * comparing records) plus the matching state needed to resume it exactly after a restart.
 */
export interface PaperOrderRecord extends BrokerOrder {
  /** Σ fill quantity × price, exact: `averageFillPrice` is rounded. */
  readonly filledNotional: DecimalString;
  readonly triggered: boolean;
  readonly rested: boolean;
  /** A `day` order's expiry, ISO 8601. */
  readonly expiresAt: string | null;
}

export function toOrderRecord(order: PaperOrder): PaperOrderRecord {
  return {
    ...toBrokerOrder(order),
    filledNotional: toDecimalString(order.filledNotional),
    triggered: order.triggered,
    rested: order.rested,
    expiresAt: order.expiresAtMs === null ? null : new Date(order.expiresAtMs).toISOString(),
  };
}

/**
 * The live order a record describes. `parent` is the restored entry of a bracket child (null for an
 * entry, or for a child whose entry is missing, which then works as a plain order); the child is
 * appended to the entry's children, restoring the one-cancels-other link.
 */
export function fromOrderRecord(record: PaperOrderRecord, parent: PaperOrder | null): PaperOrder {
  const order: PaperOrder = {
    brokerOrderId: record.brokerOrderId,
    clientOrderId: record.clientOrderId,
    symbol: record.symbol,
    side: record.side,
    type: record.type,
    timeInForce: record.timeInForce,
    quantity: dec(record.quantity),
    filledQuantity: dec(record.filledQuantity),
    filledNotional: dec(record.filledNotional),
    price: record.price === null ? null : dec(record.price),
    stopPrice: record.stopPrice === null ? null : dec(record.stopPrice),
    status: record.status,
    role: record.role,
    reason: record.rejectReason,
    createdMs: Date.parse(record.createdAt),
    updatedMs: Date.parse(record.updatedAt),
    triggered: record.triggered,
    rested: record.rested,
    expiresAtMs: record.expiresAt === null ? null : Date.parse(record.expiresAt),
    parent,
    children: [],
  };
  parent?.children.push(order);
  return order;
}
