import { Injectable } from '@nestjs/common';
import { and, desc, eq, gte, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { Fill, OrderSide } from '#brokers';
import { unnestArguments, type BatchColumn } from '../persistence/batch-parameters.js';
import { runNamedQuery } from '../persistence/named-statement.js';
import { InjectDatabase, type Database } from '../persistence/database.js';
import { fills, orders } from '../persistence/schema/index.js';
import type { FillRecord } from './fill-record.js';
import {
  FillRepository,
  type FillFilter,
  type FillInsertOutcome,
  type FillPosition,
} from './fill.repository.js';

type FillRow = typeof fills.$inferSelect;

/** Rows per statement: bounds the statement's arrays (and its lock time) for a large reconciliation batch. */
const INSERT_CHUNK = 5000;

function toRecord(row: FillRow): FillRecord {
  return {
    ...row,
    id: String(row.id),
    side: row.side as OrderSide,
    liquidity: row.liquidity as FillRecord['liquidity'],
    executedAt: row.executedAt.toISOString(),
  };
}

/**
 * The Edgerunner order a fill belongs to. The broker order id is authoritative, but a fill can be reported
 * before the acknowledgement that records it on the order; the client order id (written before the broker
 * saw the order) covers that window. An empty client order id (an order placed outside Edgerunner) matches
 * nothing.
 */
function orderIdOf(account: SQL | string, brokerOrderId: SQL | string, clientOrderId: SQL | string): SQL {
  return sql`coalesce(
    (select ${orders.id} from ${orders}
      where ${orders.account} = ${account} and ${orders.brokerOrderId} = ${brokerOrderId} limit 1),
    (select ${orders.id} from ${orders}
      where ${orders.account} = ${account} and ${orders.clientOrderId} = nullif(${clientOrderId}, '')))`;
}

/** The fills as one array per column: the insert binds the same few parameters whatever the batch size. */
const FILL_COLUMNS: readonly BatchColumn<Fill>[] = [
  [(fill) => fill.executionId, 'text'],
  [(fill) => fill.brokerOrderId, 'text'],
  [(fill) => fill.clientOrderId, 'text'],
  [(fill) => fill.symbol, 'text'],
  [(fill) => fill.side, 'text'],
  [(fill) => fill.quantity, 'numeric'],
  [(fill) => fill.price, 'numeric'],
  [(fill) => fill.fee, 'numeric'],
  [(fill) => fill.feeCurrency, 'text'],
  [(fill) => fill.liquidity, 'text'],
  [(fill) => fill.executedAt, 'timestamptz'],
];

/**
 * Strictly after `after` in (executed_at, id) descending order. A row comparison rather than `a < x or
 * (a = x and id < y)`: PostgreSQL turns it into one index range on (…, executed_at, id).
 */
function before(after: FillPosition): SQL {
  return sql`(${fills.executedAt}, ${fills.id}) < (${after.executedAt}::timestamptz, ${after.id}::bigint)`;
}

/** The trade log on PostgreSQL (PGlite or a server). */
@Injectable()
export class DrizzleFillRepository extends FillRepository {
  constructor(@InjectDatabase() private readonly db: Database) {
    super();
  }

  async insert(account: string, batch: readonly Fill[]): Promise<FillInsertOutcome> {
    let inserted = 0;
    const unlinked: string[] = [];
    for (let start = 0; start < batch.length; start += INSERT_CHUNK) {
      // INSERT … SELECT FROM unnest(arrays): one statement per chunk, the order looked up in the same one.
      // The order is looked up once per fill in the inner select; its strategy is copied onto the fill.
      const rows = await runNamedQuery<{ execution_id: string; order_id: string | null }>(
        this.db,
        'fill_batch',
        sql`
        insert into ${fills} (account, execution_id, order_id, broker_order_id, client_order_id, symbol, side,
          quantity, price, fee, fee_currency, liquidity, executed_at, strategy)
        select ${account}, v.execution_id, v.order_id, v.broker_order_id, v.client_order_id, v.symbol, v.side,
          v.quantity, v.price, v.fee, v.fee_currency, v.liquidity, v.executed_at,
          (select ${orders.strategy} from ${orders} where ${orders.id} = v.order_id)
        from (
          select u.*, ${orderIdOf(account, sql`u.broker_order_id`, sql`u.client_order_id`)} as order_id
          from unnest(${unnestArguments(batch.slice(start, start + INSERT_CHUNK), FILL_COLUMNS)})
            as u(execution_id, broker_order_id, client_order_id, symbol, side, quantity, price, fee,
              fee_currency, liquidity, executed_at)
        ) as v
        on conflict (account, execution_id) do nothing
        returning execution_id, order_id`,
      );
      inserted += rows.length;
      for (const row of rows) if (row.order_id === null) unlinked.push(row.execution_id);
    }
    return { inserted, unlinked };
  }

  async linkOrders(account: string, executionIds: readonly string[]): Promise<string[]> {
    if (executionIds.length === 0) return [];
    const rows = await this.db
      .update(fills)
      .set({
        orderId: orderIdOf(sql`${fills.account}`, sql`${fills.brokerOrderId}`, sql`${fills.clientOrderId}`),
        strategy: sql`(select ${orders.strategy} from ${orders} where ${orders.id} = ${orderIdOf(
          sql`${fills.account}`,
          sql`${fills.brokerOrderId}`,
          sql`${fills.clientOrderId}`,
        )})`,
      })
      .where(
        and(eq(fills.account, account), inArray(fills.executionId, [...executionIds]), isNull(fills.orderId)),
      )
      .returning({ executionId: fills.executionId, orderId: fills.orderId });
    return rows.filter((row) => row.orderId === null).map((row) => row.executionId);
  }

  async list(filter: FillFilter, limit: number, after?: FillPosition): Promise<FillRecord[]> {
    const conditions: (SQL | undefined)[] = [
      filter.account === undefined ? undefined : eq(fills.account, filter.account),
      filter.symbol === undefined ? undefined : eq(fills.symbol, filter.symbol),
      filter.side === undefined ? undefined : eq(fills.side, filter.side),
      filter.strategy === undefined ? undefined : eq(fills.strategy, filter.strategy),
      filter.from === undefined ? undefined : gte(fills.executedAt, filter.from),
      filter.to === undefined ? undefined : lte(fills.executedAt, filter.to),
      after === undefined ? undefined : before(after),
    ];
    const rows = await this.db
      .select()
      .from(fills)
      .where(and(...conditions))
      .orderBy(desc(fills.executedAt), desc(fills.id))
      .limit(limit);
    return rows.map(toRecord);
  }
}
