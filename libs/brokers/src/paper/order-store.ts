import type { PaperOrder } from './paper-order.js';
import { isOpen } from './paper-order.js';

/** Final orders kept for getOrder and duplicate checks; the oldest are forgotten beyond this. */
export const DEFAULT_MAX_FINAL_ORDERS = 50_000;

/**
 * The paper account's orders: lookup by broker id, the set of client ids already used (the broker
 * refuses a duplicate, as Bybit does with orderLinkId), and the open orders in time priority.
 */
export class OrderStore {
  private readonly byId = new Map<string, PaperOrder>();
  private readonly clientOrderIds = new Set<string>();
  /** Insertion order is time priority. */
  private readonly openOrders = new Map<string, PaperOrder>();
  private readonly finalIds: string[] = [];
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
    this.clientOrderIds.add(order.clientOrderId);
    this.settle(order);
  }

  get(brokerOrderId: string): PaperOrder | undefined {
    return this.byId.get(brokerOrderId);
  }

  hasClientOrderId(clientOrderId: string): boolean {
    return this.clientOrderIds.has(clientOrderId);
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
    if (!this.openOrders.delete(order.brokerOrderId) && this.finalIds.includes(order.brokerOrderId)) return;
    this.finalIds.push(order.brokerOrderId);
    this.prune();
  }

  private prune(): void {
    if (this.finalIds.length <= this.maxFinalOrders) return;
    // Drop in batches: one splice per tenth of the cap instead of one shift per order.
    const batch = Math.max(1, Math.floor(this.maxFinalOrders / 10));
    for (const id of this.finalIds.splice(0, batch)) {
      const order = this.byId.get(id);
      // A bracket entry stays while a child is open: the child's fills still resize its sibling.
      if (!order || order.children.some(isOpen)) continue;
      this.byId.delete(id);
      this.clientOrderIds.delete(order.clientOrderId);
    }
  }
}
