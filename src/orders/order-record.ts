import type { DecimalString, OrderRole, OrderSide, OrderStatus, OrderType, TimeInForce } from '#brokers';

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
  /** A trailing stop's distance behind the best price. */
  readonly trailingAmount: DecimalString | null;
  readonly takeProfit: DecimalString | null;
  readonly stopLoss: DecimalString | null;
  readonly status: OrderStatus;
  readonly role: OrderRole;
  /** For a bracket child, the Edgerunner id of its entry. */
  readonly parentId: string | null;
  /** The strategy that placed it (its fills carry it too), or null for an order placed by hand. */
  readonly strategy: string | null;
  readonly rejectReason: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** The normalized request that created it: a retry with another body under the same clientOrderId is a conflict. */
  readonly fingerprint: string;
  /** Writes the stored order has taken: a change judged against revision n is stored only over n. */
  readonly revision: number;
}

export const ORDER_EVENT_SOURCES = ['request', 'broker', 'reconcile', 'risk', 'kill_switch'] as const;
/** What moved an order: the API request, a broker callback, reconciliation, a risk refusal, or the kill switch. */
export type OrderEventSource = (typeof ORDER_EVENT_SOURCES)[number];

/** One state change of one order: the audit trail, and /orders/status newest first. */
export interface OrderEvent {
  readonly orderId: string;
  readonly account: string;
  readonly clientOrderId: string;
  readonly symbol: string;
  readonly status: OrderStatus;
  readonly filledQuantity: DecimalString;
  readonly source: OrderEventSource;
  readonly reason: string | null;
  /** What the broker sent, when a broker caused it. */
  readonly payload: unknown;
  readonly at: string;
}
