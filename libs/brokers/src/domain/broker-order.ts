import type { DecimalString } from './decimal-string.js';
import type { OrderSide } from './order-side.js';
import type { OrderStatus } from './order-status.js';
import type { OrderType, TimeInForce } from './order-type.js';

export const ORDER_ROLES = ['entry', 'take_profit', 'stop_loss'] as const;
/** A bracket's parent is its `entry`; the two children are `take_profit` and `stop_loss`. */
export type OrderRole = (typeof ORDER_ROLES)[number];

/** An order as the broker sees it. */
export interface BrokerOrder {
  readonly brokerOrderId: string;
  readonly clientOrderId: string;
  readonly symbol: string;
  readonly side: OrderSide;
  readonly type: OrderType;
  readonly timeInForce: TimeInForce;
  readonly quantity: DecimalString;
  readonly filledQuantity: DecimalString;
  readonly averageFillPrice: DecimalString | null;
  readonly price: DecimalString | null;
  /** For a trailing stop, where its stop stands now, when the broker says. */
  readonly stopPrice: DecimalString | null;
  /** For a trailing stop, the distance it trails by; absent for other types. */
  readonly trailingAmount?: DecimalString | null;
  readonly status: OrderStatus;
  readonly role: OrderRole;
  /** For a bracket child, the broker id of its entry order. */
  readonly parentOrderId: string | null;
  readonly rejectReason: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}
