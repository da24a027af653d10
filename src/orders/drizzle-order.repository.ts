import { Injectable } from '@nestjs/common';
import { and, asc, desc, eq, gte, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { OrderRole, OrderSide, OrderStatus, OrderType, TimeInForce } from '#brokers';
import { InjectDatabase, type Database } from '../persistence/database.js';
import { orderEvents, orders } from '../persistence/schema/index.js';
import type { OrderEvent, OrderEventSource, OrderRecord } from './order-record.js';
import { OrderRepository, type OrderListFilter } from './order.repository.js';

type OrderRow = typeof orders.$inferSelect;
type EventRow = typeof orderEvents.$inferSelect;

const UNFINISHED: OrderStatus[] = ['new', 'submitted', 'partially_filled'];

function toRecord(row: OrderRow): OrderRecord {
  return {
    ...row,
    side: row.side as OrderSide,
    type: row.type as OrderType,
    timeInForce: row.timeInForce as TimeInForce,
    status: row.status as OrderStatus,
    role: row.role as OrderRole,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function toRow(order: OrderRecord): OrderRow {
  return {
    ...order,
    createdAt: new Date(order.createdAt),
    updatedAt: new Date(order.updatedAt),
  };
}

function toEvent(row: EventRow): OrderEvent {
  return {
    orderId: row.orderId,
    account: row.account,
    clientOrderId: row.clientOrderId,
    symbol: row.symbol,
    status: row.status as OrderStatus,
    filledQuantity: row.filledQuantity,
    source: row.source as OrderEventSource,
    reason: row.reason,
    payload: row.payload ?? null,
    at: row.at.toISOString(),
  };
}

function toEventRow(event: OrderEvent): typeof orderEvents.$inferInsert {
  return { ...event, payload: event.payload ?? null, at: new Date(event.at) };
}

/** node-postgres answers `execute` with `{ rows }`, PGlite with `{ rows }` too, typed apart. */
function rowsOf<T>(result: unknown): T[] {
  return (result as { rows?: T[] }).rows ?? [];
}

@Injectable()
export class DrizzleOrderRepository extends OrderRepository {
  constructor(@InjectDatabase() private readonly db: Database) {
    super();
  }

  async insertIfAbsent(
    order: OrderRecord,
    event: OrderEvent,
  ): Promise<{ order: OrderRecord; created: boolean }> {
    // One statement: the order, and its first event only if the order was new. As atomic as a
    // transaction, at one round trip instead of four, on the path every order takes.
    const insertOrder = this.db
      .insert(orders)
      .values(toRow(order))
      .onConflictDoNothing()
      .returning({ id: orders.id });
    const row = toEventRow(event);
    const result = await this.db.execute<{ order_id: string }>(sql`
      with created as (${insertOrder.getSQL()})
      insert into ${orderEvents}
        (order_id, account, client_order_id, symbol, status, filled_quantity, source, reason, payload, at)
      select created.id, ${row.account}, ${row.clientOrderId}, ${row.symbol}, ${row.status},
        ${row.filledQuantity}::numeric, ${row.source}, ${row.reason ?? null},
        ${row.payload === null || row.payload === undefined ? null : JSON.stringify(row.payload)}::jsonb,
        ${row.at.toISOString()}::timestamptz
      from created
      returning order_id`);
    if (rowsOf(result).length > 0) return { order, created: true };
    const [existing] = await this.db
      .select()
      .from(orders)
      .where(and(eq(orders.account, order.account), eq(orders.clientOrderId, order.clientOrderId)));
    if (!existing) throw new Error(`Order ${order.clientOrderId} conflicted but cannot be read back`);
    return { order: toRecord(existing), created: false };
  }

  async update(order: OrderRecord, event?: OrderEvent): Promise<void> {
    const { id, ...fields } = toRow(order);
    if (!event) {
      await this.db.update(orders).set(fields).where(eq(orders.id, id));
      return;
    }
    // One statement (a data-modifying CTE) is as atomic as a transaction and costs one round trip, not four.
    const changed = this.db
      .$with('changed')
      .as(this.db.update(orders).set(fields).where(eq(orders.id, id)).returning({ id: orders.id }));
    await this.db.with(changed).insert(orderEvents).values(toEventRow(event));
  }

  async findById(id: string): Promise<OrderRecord | undefined> {
    return this.first(eq(orders.id, id));
  }

  async findByClientOrderId(account: string, clientOrderId: string): Promise<OrderRecord | undefined> {
    return this.first(and(eq(orders.account, account), eq(orders.clientOrderId, clientOrderId)));
  }

  async findByBrokerOrderId(account: string, brokerOrderId: string): Promise<OrderRecord | undefined> {
    return this.first(and(eq(orders.account, account), eq(orders.brokerOrderId, brokerOrderId)));
  }

  async findUnfinished(account: string): Promise<OrderRecord[]> {
    const rows = await this.db
      .select()
      .from(orders)
      .where(and(eq(orders.account, account), inArray(orders.status, UNFINISHED)))
      .orderBy(asc(orders.createdAt), asc(orders.id));
    return rows.map(toRecord);
  }

  async list(filter: OrderListFilter): Promise<OrderRecord[]> {
    const conditions: (SQL | undefined)[] = [
      filter.account ? eq(orders.account, filter.account) : undefined,
      filter.status ? eq(orders.status, filter.status) : undefined,
      filter.symbol ? eq(orders.symbol, filter.symbol) : undefined,
      filter.from ? gte(orders.createdAt, filter.from) : undefined,
      filter.to ? lte(orders.createdAt, filter.to) : undefined,
    ];
    if (filter.after) {
      const createdAt = new Date(filter.after.createdAt);
      conditions.push(
        or(
          lt(orders.createdAt, createdAt),
          and(eq(orders.createdAt, createdAt), lt(orders.id, filter.after.id)),
        ),
      );
    }
    const rows = await this.db
      .select()
      .from(orders)
      .where(and(...conditions))
      .orderBy(desc(orders.createdAt), desc(orders.id))
      .limit(filter.limit);
    return rows.map(toRecord);
  }

  async eventsOf(orderId: string): Promise<OrderEvent[]> {
    const rows = await this.db
      .select()
      .from(orderEvents)
      .where(eq(orderEvents.orderId, orderId))
      .orderBy(asc(orderEvents.id));
    return rows.map(toEvent);
  }

  async recentEvents({ account, limit }: { account?: string; limit: number }): Promise<OrderEvent[]> {
    const rows = await this.db
      .select()
      .from(orderEvents)
      .where(account ? eq(orderEvents.account, account) : undefined)
      .orderBy(desc(orderEvents.id))
      .limit(limit);
    return rows.map(toEvent);
  }

  private async first(condition: SQL | undefined): Promise<OrderRecord | undefined> {
    const [row] = await this.db.select().from(orders).where(condition).limit(1);
    return row ? toRecord(row) : undefined;
  }
}
