import type { OrderEvent, OrderRecord } from '../../src/orders/order-record.js';
import { OrderRepository, type OrderListFilter } from '../../src/orders/order.repository.js';
import { instantText, jsonbValue, nullableNumericText, numericText, uuidText } from './stored-values.js';
import { settle } from './settle.js';

/**
 * A row of `orders` as DrizzleOrderRepository reads it back: the record, normalized as the columns store
 * it, plus the `strategy` column, which that repository writes as null and hands back with the record.
 */
type OrderRow = OrderRecord & { readonly strategy: null };
type EventRow = OrderEvent & { readonly id: number };

const UNFINISHED: ReadonlySet<string> = new Set(['new', 'submitted', 'partially_filled']);

/** Keys (account, client or broker order id) as one string; NUL cannot occur in a PostgreSQL text. */
const keyOf = (account: string, id: string): string => `${account}\u0000${id}`;

function toRow(order: OrderRecord): OrderRow {
  return {
    ...order,
    id: uuidText(order.id),
    parentId: order.parentId === null ? null : uuidText(order.parentId),
    quantity: numericText(order.quantity),
    filledQuantity: numericText(order.filledQuantity),
    averageFillPrice: nullableNumericText(order.averageFillPrice),
    price: nullableNumericText(order.price),
    stopPrice: nullableNumericText(order.stopPrice),
    takeProfit: nullableNumericText(order.takeProfit),
    stopLoss: nullableNumericText(order.stopLoss),
    createdAt: instantText(order.createdAt),
    updatedAt: instantText(order.updatedAt),
    strategy: null,
  };
}

function toEventRow(id: number, event: OrderEvent): EventRow {
  return {
    id,
    orderId: uuidText(event.orderId),
    account: event.account,
    clientOrderId: event.clientOrderId,
    symbol: event.symbol,
    status: event.status,
    filledQuantity: numericText(event.filledQuantity),
    source: event.source,
    reason: event.reason,
    payload: jsonbValue(event.payload),
    at: instantText(event.at),
  };
}

function toEvent({ id: _id, ...event }: EventRow): OrderEvent {
  return { ...event, payload: jsonbValue(event.payload) };
}

/** Newest first by (createdAt, id), as the `list` query orders them. */
function newestFirst(a: OrderRow, b: OrderRow): number {
  return Date.parse(b.createdAt) - Date.parse(a.createdAt) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/**
 * OrderRepository without a database, for measuring what storage costs: the semantics of
 * DrizzleOrderRepository (src/orders/drizzle-order.repository.ts) over maps in this
 * process. Each method does all its work synchronously before it resolves, so, like the transaction
 * there, `insertIfAbsent` is atomic per (account, clientOrderId) and a write stores its event with it.
 * Records go out as copies, so a caller changing one changes nothing stored.
 */
export class InMemoryOrderRepository extends OrderRepository {
  private readonly rows = new Map<string, OrderRow>();
  /** (account, clientOrderId) → id: the unique key the insert conflicts on. */
  private readonly byClientOrderId = new Map<string, string>();
  /** (account, brokerOrderId) → ids, in insertion order (not unique in the schema). */
  private readonly byBrokerOrderId = new Map<string, string[]>();
  private readonly events: EventRow[] = [];
  private readonly eventsByOrder = new Map<string, EventRow[]>();

  /** How many orders are stored (what `select count(*) from orders` answers). */
  get size(): number {
    return this.rows.size;
  }

  /** How many order events are stored. */
  get eventCount(): number {
    return this.events.length;
  }

  insertIfAbsent(order: OrderRecord, event: OrderEvent): Promise<{ order: OrderRecord; created: boolean }> {
    return settle(() => {
      const row = toRow(order);
      const key = keyOf(row.account, row.clientOrderId);
      // ON CONFLICT DO NOTHING: either unique key (the id, or account and client order id) conflicts.
      if (!this.rows.has(row.id) && !this.byClientOrderId.has(key)) {
        this.store(row);
        this.byClientOrderId.set(key, row.id);
        this.appendEvent(event);
        return { order, created: true };
      }
      const existing = this.rowByClientOrderId(row.account, row.clientOrderId);
      if (!existing) throw new Error(`Order ${order.clientOrderId} conflicted but cannot be read back`);
      return { order: { ...existing }, created: false };
    });
  }

  update(order: OrderRecord, event?: OrderEvent): Promise<boolean> {
    return settle(() => {
      const row = toRow(order);
      const stored = this.rows.get(row.id);
      // UPDATE … WHERE id = $1 AND revision = $2 - 1: no row, or a row moved meanwhile, and nothing is written.
      if (!stored || stored.revision !== row.revision - 1) return false;
      this.unindexBrokerOrderId(stored);
      this.store(row);
      if (event) this.appendEvent(event);
      return true;
    });
  }

  findById(id: string): Promise<OrderRecord | undefined> {
    return settle(() => copy(this.rows.get(uuidText(id))));
  }

  findByClientOrderId(account: string, clientOrderId: string): Promise<OrderRecord | undefined> {
    return settle(() => copy(this.rowByClientOrderId(account, clientOrderId)));
  }

  findByBrokerOrderId(account: string, brokerOrderId: string): Promise<OrderRecord | undefined> {
    return settle(() => {
      const [id] = this.byBrokerOrderId.get(keyOf(account, brokerOrderId)) ?? [];
      return copy(id === undefined ? undefined : this.rows.get(id));
    });
  }

  findUnfinished(account: string): Promise<OrderRecord[]> {
    return settle(() =>
      [...this.rows.values()]
        .filter((row) => row.account === account && UNFINISHED.has(row.status))
        .sort((a, b) => -newestFirst(a, b))
        .map((row) => ({ ...row })),
    );
  }

  list(filter: OrderListFilter): Promise<OrderRecord[]> {
    return settle(() => {
      const from = filter.from?.getTime();
      const to = filter.to?.getTime();
      const after = filter.after && { at: Date.parse(filter.after.createdAt), id: uuidText(filter.after.id) };
      return [...this.rows.values()]
        .filter((row) => {
          const at = Date.parse(row.createdAt);
          return (
            (filter.account === undefined || row.account === filter.account) &&
            (filter.status === undefined || row.status === filter.status) &&
            (filter.symbol === undefined || row.symbol === filter.symbol) &&
            (from === undefined || at >= from) &&
            (to === undefined || at <= to) &&
            (after === undefined || at < after.at || (at === after.at && row.id < after.id))
          );
        })
        .sort(newestFirst)
        .slice(0, filter.limit)
        .map((row) => ({ ...row }));
    });
  }

  eventsOf(orderId: string): Promise<OrderEvent[]> {
    return settle(() => (this.eventsByOrder.get(uuidText(orderId)) ?? []).map(toEvent));
  }

  recentEvents({ account, limit }: { account?: string; limit: number }): Promise<OrderEvent[]> {
    return settle(() => {
      const recent: OrderEvent[] = [];
      for (let index = this.events.length - 1; index >= 0 && recent.length < limit; index--) {
        const event = this.events[index];
        if (event && (account === undefined || event.account === account)) recent.push(toEvent(event));
      }
      return recent;
    });
  }

  /**
   * The order a fill of `account` belongs to, as the fill insert's subquery finds it: by broker order id,
   * else by client order id, which matches nothing when empty (an order placed outside Edgerunner).
   */
  orderIdFor(account: string, brokerOrderId: string, clientOrderId: string): string | null {
    const [byBroker] = this.byBrokerOrderId.get(keyOf(account, brokerOrderId)) ?? [];
    if (byBroker !== undefined) return byBroker;
    if (clientOrderId === '') return null;
    return this.byClientOrderId.get(keyOf(account, clientOrderId)) ?? null;
  }

  private rowByClientOrderId(account: string, clientOrderId: string): OrderRow | undefined {
    const id = this.byClientOrderId.get(keyOf(account, clientOrderId));
    return id === undefined ? undefined : this.rows.get(id);
  }

  private store(row: OrderRow): void {
    this.rows.set(row.id, row);
    if (row.brokerOrderId === null) return;
    const key = keyOf(row.account, row.brokerOrderId);
    const ids = this.byBrokerOrderId.get(key);
    if (ids === undefined) this.byBrokerOrderId.set(key, [row.id]);
    else if (!ids.includes(row.id)) ids.push(row.id);
  }

  private unindexBrokerOrderId(row: OrderRow): void {
    if (row.brokerOrderId === null) return;
    const key = keyOf(row.account, row.brokerOrderId);
    const ids = this.byBrokerOrderId.get(key)?.filter((id) => id !== row.id) ?? [];
    if (ids.length === 0) this.byBrokerOrderId.delete(key);
    else this.byBrokerOrderId.set(key, ids);
  }

  private appendEvent(event: OrderEvent): void {
    // bigserial: ids start at 1 and only grow.
    const row = toEventRow(this.events.length + 1, event);
    this.events.push(row);
    const trail = this.eventsByOrder.get(row.orderId);
    if (trail === undefined) this.eventsByOrder.set(row.orderId, [row]);
    else trail.push(row);
  }
}

function copy(row: OrderRow | undefined): OrderRecord | undefined {
  return row === undefined ? undefined : { ...row };
}
