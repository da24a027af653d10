import { sql } from 'drizzle-orm';
import { arrayParameter, rowsOf } from '../persistence/batch-parameters.js';
import type { Database } from '../persistence/database.js';
import { orderEvents, orders } from '../persistence/schema/index.js';
import type { OrderEvent, OrderRecord } from './order-record.js';
import { toOrderRecord } from './order-rows.js';
import type { OrderWrite, OrderWriteResult } from './order-write.js';

type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
type Insert = Extract<OrderWrite, { kind: 'insert' }>;
type Update = Extract<OrderWrite, { kind: 'update' }>;

const keyOf = (order: Pick<OrderRecord, 'account' | 'clientOrderId'>): string =>
  `${order.account}\u0000${order.clientOrderId}`;

/**
 * Commits a batch of the order path's writes in one transaction, in a few statements whatever its size:
 * the new orders, then each round of state changes, then every event in the order the writes came.
 * A new order whose (account, clientOrderId) exists already is not written: its stored row is the answer.
 * A state change applies only over the revision it was judged against; when another writer moved the
 * order first it is not written (nor its event), and says so. Anything else fails the whole batch.
 */
export function commitOrderWrites(db: Database, writes: readonly OrderWrite[]): Promise<OrderWriteResult[]> {
  return db.transaction(async (tx) => {
    const results: OrderWriteResult[] = new Array<OrderWriteResult>(writes.length);
    const events: OrderEvent[] = [];
    const inserts = writes.flatMap((write, index) => (write.kind === 'insert' ? [{ write, index }] : []));
    const created = await insertOrders(
      tx,
      inserts.map(({ write }) => write),
    );
    const existing = await readExisting(
      tx,
      inserts.filter(({ write }) => !created.has(write.order.id)).map(({ write }) => write.order),
    );
    for (const { write, index } of inserts) {
      const isNew = created.has(write.order.id);
      const order = isNew ? write.order : existing.get(keyOf(write.order));
      if (!order) throw new Error(`Order ${write.order.clientOrderId} conflicted but cannot be read back`);
      results[index] = { kind: 'insert', order, created: isNew };
    }
    const applied = await updateOrders(
      tx,
      writes.flatMap((write, index) => (write.kind === 'update' ? [{ write, index }] : [])),
    );
    writes.forEach((write, index) => {
      if (write.kind === 'update') results[index] = { kind: 'update', applied: applied.has(index) };
      const kept = write.kind === 'insert' ? created.has(write.order.id) : applied.has(index);
      if (kept && write.event) events.push(write.event);
    });
    await insertEvents(tx, events);
    return results;
  });
}

/** Inserts the orders whose (account, clientOrderId) is free; answers the ids it wrote. */
async function insertOrders(tx: Transaction, inserts: readonly Insert[]): Promise<Set<string>> {
  if (inserts.length === 0) return new Set();
  const list = inserts.map((insert) => insert.order);
  const text = (pick: (order: OrderRecord) => string | null) => arrayParameter(list, pick, 'text');
  const decimal = (pick: (order: OrderRecord) => string | null) => arrayParameter(list, pick, 'numeric');
  const result = await tx.execute(sql`
    insert into ${orders} (id, account, client_order_id, broker_order_id, symbol, side, type, time_in_force,
      quantity, filled_quantity, average_fill_price, price, stop_price, trailing_amount, take_profit, stop_loss, status, role,
      parent_id, reject_reason, strategy, fingerprint, created_at, updated_at, revision)
    select * from unnest(${sql.join(
      [
        arrayParameter(list, (order) => order.id, 'uuid'),
        text((order) => order.account),
        text((order) => order.clientOrderId),
        text((order) => order.brokerOrderId),
        text((order) => order.symbol),
        text((order) => order.side),
        text((order) => order.type),
        text((order) => order.timeInForce),
        decimal((order) => order.quantity),
        decimal((order) => order.filledQuantity),
        decimal((order) => order.averageFillPrice),
        decimal((order) => order.price),
        decimal((order) => order.stopPrice),
        decimal((order) => order.trailingAmount),
        decimal((order) => order.takeProfit),
        decimal((order) => order.stopLoss),
        text((order) => order.status),
        text((order) => order.role),
        arrayParameter(list, (order) => order.parentId, 'uuid'),
        text((order) => order.rejectReason),
        text((order) => order.strategy),
        text((order) => order.fingerprint),
        arrayParameter(list, (order) => order.createdAt, 'timestamptz'),
        arrayParameter(list, (order) => order.updatedAt, 'timestamptz'),
        arrayParameter(list, (order) => order.revision, 'integer'),
      ],
      sql`, `,
    )})
    on conflict do nothing
    returning id`);
  return new Set(rowsOf<{ id: string }>(result).map((row) => row.id));
}

/** The stored orders under the (account, clientOrderId) of `orders`, by that key. */
async function readExisting(
  tx: Transaction,
  list: readonly OrderRecord[],
): Promise<Map<string, OrderRecord>> {
  if (list.length === 0) return new Map();
  const rows = await tx
    .select()
    .from(orders)
    .where(
      sql`(${orders.account}, ${orders.clientOrderId}) in (select * from unnest(${arrayParameter(list, (order) => order.account, 'text')}, ${arrayParameter(list, (order) => order.clientOrderId, 'text')}))`,
    );
  return new Map(rows.map((row) => [keyOf(row), toOrderRecord(row)]));
}

/**
 * Applies the state changes, each over the revision it expects; answers the indexes of those applied.
 * One statement per round: an order changed twice in a batch takes its second change in the next round,
 * over the revision its first one left.
 */
async function updateOrders(
  tx: Transaction,
  updates: readonly { readonly write: Update; readonly index: number }[],
): Promise<Set<number>> {
  const applied = new Set<number>();
  let pending = updates;
  while (pending.length > 0) {
    // The first change of each order still pending; the rest wait for the next round.
    const round = new Map<string, { readonly write: Update; readonly index: number }>();
    const later: { readonly write: Update; readonly index: number }[] = [];
    for (const update of pending) {
      if (round.has(update.write.order.id)) later.push(update);
      else round.set(update.write.order.id, update);
    }
    const list = [...round.values()].map(({ write }) => write.order);
    const result = await tx.execute(sql`
      update ${orders} set broker_order_id = v.broker_order_id, status = v.status, quantity = v.quantity,
        filled_quantity = v.filled_quantity, average_fill_price = v.average_fill_price,
        reject_reason = v.reject_reason, updated_at = v.updated_at, revision = v.revision
      from unnest(${sql.join(
        [
          arrayParameter(list, (order) => order.id, 'uuid'),
          arrayParameter(list, (order) => order.revision, 'integer'),
          arrayParameter(list, (order) => order.brokerOrderId, 'text'),
          arrayParameter(list, (order) => order.status, 'text'),
          arrayParameter(list, (order) => order.quantity, 'numeric'),
          arrayParameter(list, (order) => order.filledQuantity, 'numeric'),
          arrayParameter(list, (order) => order.averageFillPrice, 'numeric'),
          arrayParameter(list, (order) => order.rejectReason, 'text'),
          arrayParameter(list, (order) => order.updatedAt, 'timestamptz'),
        ],
        sql`, `,
      )}) as v(id, revision, broker_order_id, status, quantity, filled_quantity, average_fill_price,
        reject_reason, updated_at)
      where ${orders.id} = v.id and ${orders.revision} = v.revision - 1
      returning ${orders.id} as id`);
    const stored = new Set(rowsOf<{ id: string }>(result).map((row) => row.id));
    for (const [id, { index }] of round) if (stored.has(id)) applied.add(index);
    // A change after one that did not apply was judged against a state the store never had.
    pending = later.filter(({ write }) => stored.has(write.order.id));
  }
  return applied;
}

/** Appends the events in the order given, so each order's trail keeps the order its changes came in. */
async function insertEvents(tx: Transaction, events: readonly OrderEvent[]): Promise<void> {
  if (events.length === 0) return;
  const text = (pick: (event: OrderEvent) => string | null) => arrayParameter(events, pick, 'text');
  await tx.execute(sql`
    insert into ${orderEvents}
      (order_id, account, client_order_id, symbol, status, filled_quantity, source, reason, payload, at)
    select v.order_id, v.account, v.client_order_id, v.symbol, v.status, v.filled_quantity, v.source,
      v.reason, v.payload::jsonb, v.at
    from unnest(${sql.join(
      [
        arrayParameter(events, (event) => event.orderId, 'uuid'),
        text((event) => event.account),
        text((event) => event.clientOrderId),
        text((event) => event.symbol),
        text((event) => event.status),
        arrayParameter(events, (event) => event.filledQuantity, 'numeric'),
        text((event) => event.source),
        text((event) => event.reason),
        text((event) =>
          event.payload === null || event.payload === undefined ? null : JSON.stringify(event.payload),
        ),
        arrayParameter(events, (event) => event.at, 'timestamptz'),
      ],
      sql`, `,
    )}) with ordinality as v(order_id, account, client_order_id, symbol, status, filled_quantity, source,
      reason, payload, at, position)
    order by v.position`);
}
