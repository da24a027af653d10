import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { columnArrays, unnestArguments, type BatchColumn } from '../persistence/batch-parameters.js';
import { orderEvents, orders } from '../persistence/schema/index.js';
import type { OrderEvent, OrderRecord } from './order-record.js';

/** An order's state after its changes of a batch, applied only over the revision the first was judged on. */
export interface CollapsedUpdate {
  readonly order: OrderRecord;
  readonly expectedRevision: number;
}

/** An event, kept only when the write it records is: a new order's insert ('i') or a change ('u'). */
export interface GuardedEvent {
  readonly event: OrderEvent;
  readonly guard: 'i' | 'u';
}

/** A row of the statement's answer: an order it inserted ('i') or changed ('u'). */
export interface BatchRow {
  readonly kind: 'i' | 'u';
  readonly id: string;
}

const text = (pick: (order: OrderRecord) => string | null): BatchColumn<OrderRecord> => [pick, 'text'];
const decimal = (pick: (order: OrderRecord) => string | null): BatchColumn<OrderRecord> => [pick, 'numeric'];

const INSERT_COLUMNS: readonly BatchColumn<OrderRecord>[] = [
  [(order) => order.id, 'uuid'],
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
  [(order) => order.parentId, 'uuid'],
  text((order) => order.rejectReason),
  text((order) => order.strategy),
  text((order) => order.fingerprint),
  [(order) => order.createdAt, 'timestamptz'],
  [(order) => order.updatedAt, 'timestamptz'],
  [(order) => order.revision, 'integer'],
];

function insertOrders(list: readonly OrderRecord[]): SQL {
  return sql`insert into ${orders} (id, account, client_order_id, broker_order_id, symbol, side, type,
      time_in_force, quantity, filled_quantity, average_fill_price, price, stop_price, trailing_amount,
      take_profit, stop_loss, status, role, parent_id, reject_reason, strategy, fingerprint, created_at,
      updated_at, revision)
    select * from unnest(${unnestArguments(list, INSERT_COLUMNS)})
    on conflict do nothing
    returning id`;
}

const UPDATE_COLUMNS: readonly BatchColumn<CollapsedUpdate>[] = [
  [({ order }) => order.id, 'uuid'],
  [({ expectedRevision }) => expectedRevision, 'integer'],
  [({ order }) => order.revision, 'integer'],
  [({ order }) => order.brokerOrderId, 'text'],
  [({ order }) => order.status, 'text'],
  [({ order }) => order.quantity, 'numeric'],
  [({ order }) => order.filledQuantity, 'numeric'],
  [({ order }) => order.averageFillPrice, 'numeric'],
  [({ order }) => order.rejectReason, 'text'],
  [({ order }) => order.updatedAt, 'timestamptz'],
];

function updateOrders(list: readonly CollapsedUpdate[]): SQL {
  return sql`update ${orders} set broker_order_id = v.broker_order_id, status = v.status,
      quantity = v.quantity, filled_quantity = v.filled_quantity, average_fill_price = v.average_fill_price,
      reject_reason = v.reject_reason, updated_at = v.updated_at, revision = v.revision
    from unnest(${unnestArguments(list, UPDATE_COLUMNS)}) as v(id, expected_revision, revision, broker_order_id, status, quantity, filled_quantity,
      average_fill_price, reject_reason, updated_at)
    where ${orders.id} = v.id and ${orders.revision} = v.expected_revision
    returning ${orders.id} as id`;
}

const eventText = (pick: (event: OrderEvent) => string | null): BatchColumn<GuardedEvent> => [
  ({ event }) => pick(event),
  'text',
];

const EVENT_COLUMNS: readonly BatchColumn<GuardedEvent>[] = [
  [({ guard }) => guard, 'text'],
  [({ event }) => event.orderId, 'uuid'],
  eventText((event) => event.account),
  eventText((event) => event.clientOrderId),
  eventText((event) => event.symbol),
  eventText((event) => event.status),
  [({ event }) => event.filledQuantity, 'numeric'],
  eventText((event) => event.source),
  eventText((event) => event.reason),
  eventText((event) =>
    event.payload === null || event.payload === undefined ? null : JSON.stringify(event.payload),
  ),
  [({ event }) => event.at, 'timestamptz'],
];

function insertEvents(list: readonly GuardedEvent[]): SQL {
  return sql`insert into ${orderEvents}
      (order_id, account, client_order_id, symbol, status, filled_quantity, source, reason, payload, at)
    select v.order_id, v.account, v.client_order_id, v.symbol, v.status, v.filled_quantity, v.source,
      v.reason, v.payload::jsonb, v.at
    from unnest(${unnestArguments(list, EVENT_COLUMNS)}) with ordinality as v(guard, order_id, account, client_order_id, symbol, status, filled_quantity,
      source, reason, payload, at, position)
    where (v.guard = 'i' and v.order_id in (select id from inserted))
      or (v.guard = 'u' and v.order_id in (select id from changed))
    order by v.position`;
}

/**
 * A whole batch as one statement: the new orders, the changes and their events, in data-modifying CTEs.
 * One statement is atomic on its own (no BEGIN or COMMIT to wait for) and costs one round trip to the
 * database, where a transaction of several statements cost one each (on PostgreSQL, 5 round trips became
 * 1). The CTEs all run over the same snapshot; an event is written only when the write it records was,
 * and events keep the batch's order.
 */
function orderBatchStatement(
  inserts: readonly OrderRecord[],
  updates: readonly CollapsedUpdate[],
  events: readonly GuardedEvent[],
): SQL {
  return sql`with inserted as (${insertOrders(inserts)}),
    changed as (${updateOrders(updates)}),
    logged as (${insertEvents(events)})
    select 'i' as kind, id from inserted union all select 'u' as kind, id from changed`;
}

/** The statement's text and the number of its parameters, rendered by Drizzle once. */
function render(): { readonly text: string; readonly parameters: number } {
  const { sql: text, params } = new PgDialect().sqlToQuery(orderBatchStatement([], [], []));
  return { text, parameters: params.length };
}

let rendered: ReturnType<typeof render> | undefined;

/**
 * The batch's statement as text and parameters for the driver. Its text is the same for every batch
 * (each column is one array parameter, numbered in the order the CTEs name them), so it is rendered
 * once: building it anew in Drizzle cost more CPU per batch than everything else the order path does
 * before the database.
 */
export function orderBatchQuery(
  inserts: readonly OrderRecord[],
  updates: readonly CollapsedUpdate[],
  events: readonly GuardedEvent[],
): { readonly text: string; readonly params: unknown[] } {
  rendered ??= render();
  const params = [
    ...columnArrays(inserts, INSERT_COLUMNS),
    ...columnArrays(updates, UPDATE_COLUMNS),
    ...columnArrays(events, EVENT_COLUMNS),
  ];
  if (params.length !== rendered.parameters)
    throw new Error(
      `the order batch binds ${params.length} parameters where its text has ${rendered.parameters}`,
    );
  return { text: rendered.text, params };
}
