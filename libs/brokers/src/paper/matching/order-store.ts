import type { PaperOrder } from './paper-order.js';
import { isOpen } from './paper-order.js';

/** Final orders kept for getOrder and duplicate checks; the oldest are forgotten beyond this. */
export const DEFAULT_MAX_FINAL_ORDERS = 50_000;

/**
 * The paper account's orders: lookup by broker id and by client id (the broker refuses a duplicate
 * client id, as Bybit does with orderLinkId, and finds an order by it after a lost acknowledgement),
 * and the open orders in time priority. Both lookups forget the same pruned final orders.
 */
export class OrderStore {
  private readonly byId = new Map<string, PaperOrder>();
  /** clientOrderId → brokerOrderId, for every order still in `byId`. */
  private readonly byClientOrderId = new Map<string, string>();
  /** Insertion order is time priority. */
  private readonly openOrders = new Map<string, PaperOrder>();
  /** Ids of final orders, oldest first: a Set so that settling twice costs no scan. */
  private readonly finalIds = new Set<string>();
  private sequence = 0;

  constructor(
    private readonly idPrefix: string,
    private readonly maxFinalOrders = DEFAULT_MAX_FINAL_ORDERS,
  ) {}

  /** A broker order id never handed out before by this store. */
  nextId(): string {
    this.sequence += 1;
    return `${this.idPrefix}-${this.sequence}`;
  }

  add(order: PaperOrder): void {
    this.byId.set(order.brokerOrderId, order);
    this.byClientOrderId.set(order.clientOrderId, order.brokerOrderId);
    this.settle(order);
  }

  get(brokerOrderId: string): PaperOrder | undefined {
    return this.byId.get(brokerOrderId);
  }

  /** The retained order placed with `clientOrderId`, if any. */
  byClient(clientOrderId: string): PaperOrder | undefined {
    const brokerOrderId = this.byClientOrderId.get(clientOrderId);
    return brokerOrderId === undefined ? undefined : this.byId.get(brokerOrderId);
  }

  hasClientOrderId(clientOrderId: string): boolean {
    return this.byClientOrderId.has(clientOrderId);
  }

  /** Open orders, oldest first, optionally of one symbol: a snapshot, safe to change orders while iterating. */
  open(symbol?: string): PaperOrder[] {
    const orders = [...this.openOrders.values()];
    return symbol === undefined ? orders : orders.filter((order) => order.symbol === symbol);
  }

  /** Call after an order's status changed: moves it out of the open set once final. */
  settle(order: PaperOrder): void {
    if (isOpen(order)) {
      this.openOrders.set(order.brokerOrderId, order);
      return;
    }
    this.openOrders.delete(order.brokerOrderId);
    if (this.finalIds.has(order.brokerOrderId)) return;
    this.finalIds.add(order.brokerOrderId);
    this.prune();
  }

  private prune(): void {
    if (this.finalIds.size <= this.maxFinalOrders) return;
    // Drop in batches: one pass per tenth of the cap instead of one per order.
    const batch = Math.max(1, Math.floor(this.maxFinalOrders / 10));
    const oldest = [...this.finalIds].slice(0, batch);
    for (const id of oldest) {
      this.finalIds.delete(id);
      const order = this.byId.get(id);
      if (!order) continue;
      // A bracket entry stays while a child is open (the child's fills still resize its sibling): it
      // goes back to the end of the queue, to be looked at again once newer finals are pruned.
      if (order.children.some(isOpen)) {
        this.finalIds.add(id);
        continue;
      }
      this.byId.delete(id);
      // Once forgotten, a client id may be used again: never unmap the newer order that took it.
      if (this.byClientOrderId.get(order.clientOrderId) === id)
        this.byClientOrderId.delete(order.clientOrderId);
    }
  }
}
