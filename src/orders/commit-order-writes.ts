import { sql } from 'drizzle-orm';
import { unnestArguments } from '../persistence/batch-parameters.js';
import type { Database } from '../persistence/database.js';
import { runNamedStatement } from '../persistence/named-statement.js';
import { orders } from '../persistence/schema/index.js';
import {
  orderBatchQuery,
  type BatchRow,
  type CollapsedUpdate,
  type GuardedEvent,
} from './order-batch-statement.js';
import type { OrderRecord } from './order-record.js';
import { toOrderRecord } from './order-rows.js';
import type { OrderWrite, OrderWriteResult } from './order-write.js';

type Update = Extract<OrderWrite, { kind: 'update' }>;

/** An order's changes in a batch that can apply: each over the revision the one before it leaves. */
interface ChangeChain {
  readonly indexes: number[];
  readonly first: Update;
  last: Update;
  /** A change judged against a revision the chain does not leave: refused, with every one after it. */
  broken: boolean;
}

const keyOf = (order: Pick<OrderRecord, 'account' | 'clientOrderId'>): string =>
  `${order.account}\u0000${order.clientOrderId}`;

/**
 * Commits a batch of the order path's writes as one statement, whatever its size: the new orders, each
 * order's changes, then every event in the order the writes came. A new order whose (account,
 * clientOrderId) exists already is not written: its stored row is the answer. An order's changes apply
 * only over the revision the first was judged against (the row stays locked between them, so applying
 * the last over the first's revision is the same as applying each in turn); when another writer moved
 * the order first none is written, nor its events, and each says so. Anything else fails the whole
 * batch: nothing of it is stored.
 */
export async function commitOrderWrites(
  db: Database,
  writes: readonly OrderWrite[],
): Promise<OrderWriteResult[]> {
  const chains = changeChains(writes);
  const inChain = new Set([...chains.values()].flatMap((chain) => chain.indexes));
  const inserts = writes.flatMap((write, index) => (write.kind === 'insert' ? [{ write, index }] : []));
  const events: GuardedEvent[] = writes.flatMap((write, index): GuardedEvent[] => {
    if (!write.event) return [];
    if (write.kind === 'insert') return [{ event: write.event, guard: 'i' }];
    return inChain.has(index) ? [{ event: write.event, guard: 'u' }] : [];
  });
  const updates: CollapsedUpdate[] = [...chains.values()].map((chain) => ({
    order: chain.last.order,
    expectedRevision: chain.first.order.revision - 1,
  }));
  const { text, params } = orderBatchQuery(
    inserts.map(({ write }) => write.order),
    updates,
    events,
  );
  const rows = await runNamedStatement<BatchRow>(db, 'order_batch', text, params);
  const created = new Set<string>();
  const changed = new Set<string>();
  for (const row of rows) (row.kind === 'i' ? created : changed).add(row.id);
  // Read after the commit: a row that was there before the batch stays there.
  const existing = await readExisting(
    db,
    inserts.filter(({ write }) => !created.has(write.order.id)).map(({ write }) => write.order),
  );
  return writes.map((write, index): OrderWriteResult => {
    if (write.kind === 'update')
      return { kind: 'update', applied: inChain.has(index) && changed.has(write.order.id) };
    const isNew = created.has(write.order.id);
    const order = isNew ? write.order : existing.get(keyOf(write.order));
    if (!order) throw new Error(`Order ${write.order.clientOrderId} conflicted but cannot be read back`);
    return { kind: 'insert', order, created: isNew };
  });
}

/** Each changed order's chain: its changes in batch order, up to the first judged on another revision. */
function changeChains(writes: readonly OrderWrite[]): Map<string, ChangeChain> {
  const chains = new Map<string, ChangeChain>();
  writes.forEach((write, index) => {
    if (write.kind !== 'update') return;
    const chain = chains.get(write.order.id);
    if (!chain) {
      chains.set(write.order.id, { indexes: [index], first: write, last: write, broken: false });
    } else if (!chain.broken && write.order.revision === chain.last.order.revision + 1) {
      chain.indexes.push(index);
      chain.last = write;
    } else {
      chain.broken = true;
    }
  });
  return chains;
}

/** The stored orders under the (account, clientOrderId) of `orders`, by that key. */
async function readExisting(db: Database, list: readonly OrderRecord[]): Promise<Map<string, OrderRecord>> {
  if (list.length === 0) return new Map();
  const rows = await db
    .select()
    .from(orders)
    .where(
      sql`(${orders.account}, ${orders.clientOrderId}) in (select * from unnest(${unnestArguments(list, [
        [(order) => order.account, 'text'],
        [(order) => order.clientOrderId, 'text'],
      ])}))`,
    );
  return new Map(rows.map((row) => [keyOf(row), toOrderRecord(row)]));
}
