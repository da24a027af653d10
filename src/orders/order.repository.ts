import type { OrderStatus } from '#brokers';
import type { OrderEvent, OrderRecord } from './order-record.js';

export interface OrderListFilter {
  readonly account?: string;
  readonly status?: OrderStatus;
  readonly symbol?: string;
  readonly from?: Date;
  readonly to?: Date;
  /** Continue after this order (newest first): the last row of the previous page. */
  readonly after?: { readonly createdAt: string; readonly id: string };
  readonly limit: number;
}

/** Where orders and their audit trail are kept. Each write stores the order and its event together. */
export abstract class OrderRepository {
  /**
   * Inserts the order with its first event unless (account, clientOrderId) exists already, atomically;
   * returns the stored order and whether this call created it.
   */
  abstract insertIfAbsent(
    order: OrderRecord,
    event: OrderEvent,
  ): Promise<{ order: OrderRecord; created: boolean }>;
  /**
   * Saves a change of the order (the fields a state change moves: broker id, status, quantities, average
   * price, reject reason, updated time) and, when given, the event that made it, only over the stored
   * revision `order.revision - 1`. False, with nothing written, when another writer moved the order first.
   */
  abstract update(order: OrderRecord, event?: OrderEvent): Promise<boolean>;
  abstract findById(id: string): Promise<OrderRecord | undefined>;
  abstract findByClientOrderId(account: string, clientOrderId: string): Promise<OrderRecord | undefined>;
  abstract findByBrokerOrderId(account: string, brokerOrderId: string): Promise<OrderRecord | undefined>;
  /** Orders not yet final (new, submitted, partially filled) of an account. */
  abstract findUnfinished(account: string): Promise<OrderRecord[]>;
  /** Newest first. */
  abstract list(filter: OrderListFilter): Promise<OrderRecord[]>;
  /** One order's trail, oldest first. */
  abstract eventsOf(orderId: string): Promise<OrderEvent[]>;
  /** Newest first. */
  abstract recentEvents(options: { account?: string; limit: number }): Promise<OrderEvent[]>;
}
