import type {
  DecimalString,
  OrderRole,
  OrderSide,
  OrderStatus,
  OrderType,
  TimeInForce,
} from '../../libs/brokers/src/index.js';

/** An order as Edgerunner keeps it: written before the broker sees it, moved only by the state machine. */
export interface OrderRecord {
  readonly id: string;
  readonly account: string;
  readonly clientOrderId: string;
  readonly brokerOrderId: string | null;
  readonly symbol: string;
  readonly side: OrderSide;
  readonly type: OrderType;
  readonly timeInForce: TimeInForce;
  readonly quantity: DecimalString;
  readonly filledQuantity: DecimalString;
  readonly averageFillPrice: DecimalString | null;
  readonly price: DecimalString | null;
  readonly stopPrice: DecimalString | null;
  readonly takeProfit: DecimalString | null;
  readonly stopLoss: DecimalString | null;
  readonly status: OrderStatus;
  readonly role: OrderRole;
  /** For a bracket child, the Edgerunner id of its entry. */
  readonly parentId: string | null;
  readonly rejectReason: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** The normalized request that created it: a retry with another body under the same clientOrderId is a conflict. */
  readonly fingerprint: string;
}

/** One status change of one order, newest first in /orders/status. */
export interface OrderStatusUpdate {
  readonly orderId: string;
  readonly account: string;
  readonly clientOrderId: string;
  readonly symbol: string;
  readonly status: OrderStatus;
  readonly filledQuantity: DecimalString;
  readonly reason: string | null;
  readonly at: string;
}
