import type Big from 'big.js';
import { toDecimalString } from '../../decimal/index.js';
import type {
  BrokerOrder,
  OrderRole,
  OrderSide,
  OrderStatus,
  OrderType,
  TimeInForce,
} from '../../domain/index.js';

/** Decimal places of a displayed average fill price. */
const AVERAGE_SCALE = 10;

/** An order inside the paper broker: the port's BrokerOrder plus the matching state behind it. */
export interface PaperOrder {
  readonly brokerOrderId: string;
  readonly clientOrderId: string;
  readonly symbol: string;
  readonly side: OrderSide;
  readonly type: OrderType;
  readonly timeInForce: TimeInForce;
  quantity: Big;
  filledQuantity: Big;
  /** Σ fill quantity × price, for the average fill price. */
  filledNotional: Big;
  readonly price: Big | null;
  readonly stopPrice: Big | null;
  status: OrderStatus;
  readonly role: OrderRole;
  reason: string | null;
  readonly createdMs: number;
  updatedMs: number;
  /** A stop whose trigger has been hit now works as a market (stop) or limit (stop_limit) order. */
  triggered: boolean;
  /**
   * Set once a limit has seen a quote it could not trade with: from then on it is resting liquidity and
   * fills at its own price as maker. A limit that crossed on arrival takes the quote as taker.
   */
  rested: boolean;
  /** For `day` orders: the UTC midnight at which the order expires. */
  readonly expiresAtMs: number | null;
  /** A bracket child's entry. */
  readonly parent: PaperOrder | null;
  /** A bracket entry's take-profit and stop-loss children. */
  readonly children: PaperOrder[];
}

/** Quantity still to fill. */
export function remainingOf(order: PaperOrder): Big {
  return order.quantity.minus(order.filledQuantity);
}

/** Open orders can still fill or be cancelled; the paper broker never hands out `new`. */
export function isOpen(order: PaperOrder): boolean {
  return order.status === 'submitted' || order.status === 'partially_filled';
}

/** The UTC midnight after `timeMs`: when a `day` order placed at `timeMs` expires. */
export function nextUtcMidnight(timeMs: number): number {
  const day = 86_400_000;
  return (Math.floor(timeMs / day) + 1) * day;
}

export function toBrokerOrder(order: PaperOrder): BrokerOrder {
  return {
    brokerOrderId: order.brokerOrderId,
    clientOrderId: order.clientOrderId,
    symbol: order.symbol,
    side: order.side,
    type: order.type,
    timeInForce: order.timeInForce,
    quantity: toDecimalString(order.quantity),
    filledQuantity: toDecimalString(order.filledQuantity),
    averageFillPrice: order.filledQuantity.eq(0)
      ? null
      : toDecimalString(order.filledNotional.div(order.filledQuantity).round(AVERAGE_SCALE)),
    price: order.price === null ? null : toDecimalString(order.price),
    stopPrice: order.stopPrice === null ? null : toDecimalString(order.stopPrice),
    status: order.status,
    role: order.role,
    parentOrderId: order.parent?.brokerOrderId ?? null,
    rejectReason: order.reason,
    createdAt: new Date(order.createdMs).toISOString(),
    updatedAt: new Date(order.updatedMs).toISOString(),
  };
}
