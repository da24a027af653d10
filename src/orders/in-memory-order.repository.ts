import type { OrderRecord, OrderStatusUpdate } from './order-record.js';
import { OrderRepository } from './order.repository.js';

const MAX_STATUS_UPDATES = 10_000;

/** Orders in process memory: what the paper default runs on until the persistence module lands. */
export class InMemoryOrderRepository extends OrderRepository {
  private readonly byId = new Map<string, OrderRecord>();
  private readonly byClientOrderId = new Map<string, string>();
  private readonly byBrokerOrderId = new Map<string, string>();
  private readonly statusUpdates: OrderStatusUpdate[] = [];

  insert(order: OrderRecord): Promise<void> {
    const key = `${order.account}\u0000${order.clientOrderId}`;
    if (this.byClientOrderId.has(key)) {
      return Promise.reject(new Error(`Duplicate clientOrderId ${order.clientOrderId} for ${order.account}`));
    }
    this.byClientOrderId.set(key, order.id);
    return this.update(order);
  }

  update(order: OrderRecord): Promise<void> {
    this.byId.set(order.id, order);
    if (order.brokerOrderId)
      this.byBrokerOrderId.set(`${order.account}\u0000${order.brokerOrderId}`, order.id);
    return Promise.resolve();
  }

  findById(id: string): Promise<OrderRecord | undefined> {
    return Promise.resolve(this.byId.get(id));
  }

  findByClientOrderId(account: string, clientOrderId: string): Promise<OrderRecord | undefined> {
    return Promise.resolve(this.lookup(this.byClientOrderId.get(`${account}\u0000${clientOrderId}`)));
  }

  findByBrokerOrderId(account: string, brokerOrderId: string): Promise<OrderRecord | undefined> {
    return Promise.resolve(this.lookup(this.byBrokerOrderId.get(`${account}\u0000${brokerOrderId}`)));
  }

  appendStatusUpdate(update: OrderStatusUpdate): Promise<void> {
    this.statusUpdates.push(update);
    if (this.statusUpdates.length > MAX_STATUS_UPDATES) this.statusUpdates.shift();
    return Promise.resolve();
  }

  recentStatusUpdates({ account, limit }: { account?: string; limit: number }): Promise<OrderStatusUpdate[]> {
    const result: OrderStatusUpdate[] = [];
    for (let index = this.statusUpdates.length - 1; index >= 0 && result.length < limit; index -= 1) {
      const update = this.statusUpdates[index];
      if (update && (account === undefined || update.account === account)) result.push(update);
    }
    return Promise.resolve(result);
  }

  private lookup(id: string | undefined): OrderRecord | undefined {
    return id === undefined ? undefined : this.byId.get(id);
  }
}
