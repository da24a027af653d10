import type { OrderRecord } from './order-record.js';

/** Enough for every order a busy desk has open, and the ones that just finished (late reports). */
export const KNOWN_ORDERS_LIMIT = 100_000;

const key = (account: string, id: string): string => `${account}\u0000${id}`;

/**
 * The state machine's view of the orders it has touched lately, as last written: a state change is judged
 * against it instead of a read of the order first. It is only a view: what it lacks is read from the store,
 * and a write judged against a view another process has overtaken is refused by its revision, upon which
 * the order is forgotten here and read again. The least recently touched orders go first past the limit.
 */
export class KnownOrders {
  private readonly byId = new Map<string, OrderRecord>();
  private readonly byBrokerOrderId = new Map<string, string>();
  private readonly byClientOrderId = new Map<string, string>();

  constructor(private readonly limit = KNOWN_ORDERS_LIMIT) {}

  get(id: string): OrderRecord | undefined {
    return this.byId.get(id);
  }

  findByBrokerOrderId(account: string, brokerOrderId: string): OrderRecord | undefined {
    const id = this.byBrokerOrderId.get(key(account, brokerOrderId));
    return id === undefined ? undefined : this.byId.get(id);
  }

  findByClientOrderId(account: string, clientOrderId: string): OrderRecord | undefined {
    const id = this.byClientOrderId.get(key(account, clientOrderId));
    return id === undefined ? undefined : this.byId.get(id);
  }

  /** Keeps `order` as the latest state of its id, unless the view holds a later revision already. */
  remember(order: OrderRecord): void {
    const known = this.byId.get(order.id);
    if (known && known.revision > order.revision) return;
    if (known) {
      this.byId.delete(order.id);
      if (known.brokerOrderId !== null) this.byBrokerOrderId.delete(key(known.account, known.brokerOrderId));
    }
    this.byId.set(order.id, order);
    this.byClientOrderId.set(key(order.account, order.clientOrderId), order.id);
    if (order.brokerOrderId !== null)
      this.byBrokerOrderId.set(key(order.account, order.brokerOrderId), order.id);
    if (this.byId.size > this.limit) {
      const oldest = this.byId.keys().next();
      if (!oldest.done) this.forget(oldest.value);
    }
  }

  forget(id: string): void {
    const known = this.byId.get(id);
    if (!known) return;
    this.byId.delete(id);
    if (this.byClientOrderId.get(key(known.account, known.clientOrderId)) === id)
      this.byClientOrderId.delete(key(known.account, known.clientOrderId));
    if (
      known.brokerOrderId !== null &&
      this.byBrokerOrderId.get(key(known.account, known.brokerOrderId)) === id
    )
      this.byBrokerOrderId.delete(key(known.account, known.brokerOrderId));
  }

  get size(): number {
    return this.byId.size;
  }
}
