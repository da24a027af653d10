import type { Fill } from '#brokers';
import type { FillRecord } from '../../src/trades/fill-record.js';
import {
  FillRepository,
  type FillFilter,
  type FillInsertOutcome,
  type FillPosition,
} from '../../src/trades/fill.repository.js';
import type { InMemoryOrderRepository } from './in-memory-order.repository.js';
import { instantText, numericText } from './stored-values.js';
import { settle } from './settle.js';

/** A fill row with its bigserial id as a number, for ordering; handed out with the id as a string. */
type FillRow = Omit<FillRecord, 'id'> & { readonly id: number };

const keyOf = (account: string, executionId: string): string => `${account}\u0000${executionId}`;

function toRecord(row: FillRow): FillRecord {
  return { ...row, id: String(row.id) };
}

/** Newest first by (executedAt, id), as the `list` query orders them. */
function newestFirst(a: FillRow, b: FillRow): number {
  return Date.parse(b.executedAt) - Date.parse(a.executedAt) || b.id - a.id;
}

/**
 * FillRepository without a database, for measuring what storage costs: the semantics of
 * DrizzleFillRepository (src/trades/drizzle-fill.repository.ts) over maps in this
 * process. Fills link to the orders of `orders` as the SQL does: by broker order id, else by a non-empty
 * client order id. Each method does its work synchronously before it resolves, so an insert is atomic.
 */
export class InMemoryFillRepository extends FillRepository {
  private readonly rows: FillRow[] = [];
  /** (account, executionId) → row: the unique key an insert skips on. */
  private readonly byExecutionId = new Map<string, FillRow>();
  /** The bigserial: every row an insert attempts takes a value, as `nextval` does before the conflict. */
  private lastId = 0;

  constructor(private readonly orders: InMemoryOrderRepository) {
    super();
  }

  /** How many fills are stored (what `select count(*) from fills` answers). */
  get size(): number {
    return this.rows.length;
  }

  insert(account: string, fills: readonly Fill[]): Promise<FillInsertOutcome> {
    return settle(() => {
      // Normalized first: a value the columns refuse fails the whole statement, storing nothing.
      const candidates = fills.map((fill): FillRow => ({
        id: ++this.lastId,
        account,
        executionId: fill.executionId,
        orderId: this.orders.orderIdFor(account, fill.brokerOrderId, fill.clientOrderId),
        brokerOrderId: fill.brokerOrderId,
        clientOrderId: fill.clientOrderId,
        symbol: fill.symbol,
        side: fill.side,
        quantity: numericText(fill.quantity),
        price: numericText(fill.price),
        fee: numericText(fill.fee),
        feeCurrency: fill.feeCurrency,
        liquidity: fill.liquidity,
        strategy: null,
        executedAt: instantText(fill.executedAt),
      }));
      let inserted = 0;
      const unlinked: string[] = [];
      for (const row of candidates) {
        const key = keyOf(account, row.executionId);
        // ON CONFLICT (account, execution_id) DO NOTHING, also against a row earlier in the same batch.
        if (this.byExecutionId.has(key)) continue;
        this.byExecutionId.set(key, row);
        this.rows.push(row);
        inserted++;
        if (row.orderId === null) unlinked.push(row.executionId);
      }
      return { inserted, unlinked };
    });
  }

  linkOrders(account: string, executionIds: readonly string[]): Promise<string[]> {
    return settle(() => {
      const still: string[] = [];
      for (const executionId of new Set(executionIds)) {
        const key = keyOf(account, executionId);
        const row = this.byExecutionId.get(key);
        if (row === undefined || row.orderId !== null) continue;
        const orderId = this.orders.orderIdFor(account, row.brokerOrderId, row.clientOrderId);
        if (orderId === null) {
          still.push(executionId);
          continue;
        }
        const linked: FillRow = { ...row, orderId };
        this.byExecutionId.set(key, linked);
        this.rows[this.rows.indexOf(row)] = linked;
      }
      return still;
    });
  }

  list(filter: FillFilter, limit: number, after?: FillPosition): Promise<FillRecord[]> {
    return settle(() => {
      const from = filter.from?.getTime();
      const to = filter.to?.getTime();
      const before = after && { at: Date.parse(after.executedAt), id: Number(after.id) };
      return this.rows
        .filter((row) => {
          const at = Date.parse(row.executedAt);
          return (
            (filter.account === undefined || row.account === filter.account) &&
            (filter.symbol === undefined || row.symbol === filter.symbol) &&
            (filter.side === undefined || row.side === filter.side) &&
            (filter.strategy === undefined || row.strategy === filter.strategy) &&
            (from === undefined || at >= from) &&
            (to === undefined || at <= to) &&
            // (executed_at, id) < (after.executedAt, after.id), a row comparison.
            (before === undefined || at < before.at || (at === before.at && row.id < before.id))
          );
        })
        .sort(newestFirst)
        .slice(0, limit)
        .map(toRecord);
    });
  }
}
