import type { OrderRecord, OrderStatusUpdate } from './order-record.js';

/** Where orders and their status history are kept. */
export abstract class OrderRepository {
  abstract insert(order: OrderRecord): Promise<void>;
  abstract update(order: OrderRecord): Promise<void>;
  abstract findById(id: string): Promise<OrderRecord | undefined>;
  abstract findByClientOrderId(account: string, clientOrderId: string): Promise<OrderRecord | undefined>;
  abstract findByBrokerOrderId(account: string, brokerOrderId: string): Promise<OrderRecord | undefined>;
  abstract appendStatusUpdate(update: OrderStatusUpdate): Promise<void>;
  /** Newest first. */
  abstract recentStatusUpdates(options: { account?: string; limit: number }): Promise<OrderStatusUpdate[]>;
}
