import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { and, asc, desc, eq, gte, inArray, lt, lte, or, type SQL } from 'drizzle-orm';
import { GroupCommit } from '#async';
import type { OrderStatus } from '#brokers';
import { InjectDatabase, type Database } from '../persistence/database.js';
import { orderEvents, orders } from '../persistence/schema/index.js';
import { commitOrderWrites } from './commit-order-writes.js';
import type { OrderEvent, OrderRecord } from './order-record.js';
import { OrderStorageError } from './order-storage.error.js';
import { toOrderEvent, toOrderRecord } from './order-rows.js';
import type { OrderWrite, OrderWriteResult } from './order-write.js';
import { OrderRepository, type OrderListFilter } from './order.repository.js';

const UNFINISHED: OrderStatus[] = ['new', 'submitted', 'partially_filled'];

@Injectable()
export class DrizzleOrderRepository extends OrderRepository implements BeforeApplicationShutdown {
  /** Group commit: the writes of every request in flight go to the database as one transaction. */
  private readonly writes: GroupCommit<OrderWrite, OrderWriteResult>;
  private readonly logger = new Logger(DrizzleOrderRepository.name);

  constructor(@InjectDatabase() private readonly db: Database) {
    super();
    this.writes = new GroupCommit(async (batch) => {
      try {
        return await commitOrderWrites(db, batch);
      } catch (error) {
        // The cause (SQL and all) stays in the log; the callers learn only that nothing was stored.
        this.logger.error(
          `A batch of ${batch.length} order writes did not commit: ${(error as Error).message}`,
        );
        throw new OrderStorageError('the database did not commit the write, so nothing of it was stored');
      }
    });
  }

  async insertIfAbsent(
    order: OrderRecord,
    event: OrderEvent,
  ): Promise<{ order: OrderRecord; created: boolean }> {
    const result = await this.writes.submit({ kind: 'insert', order, event });
    if (result.kind !== 'insert') throw new Error('an insert was answered as an update');
    return { order: result.order, created: result.created };
  }

  async update(order: OrderRecord, event?: OrderEvent): Promise<boolean> {
    const result = await this.writes.submit({ kind: 'update', order, event });
    if (result.kind !== 'update') throw new Error('an update was answered as an insert');
    return result.applied;
  }

  /** Lets every write submitted so far commit (or fail) before the database closes. */
  beforeApplicationShutdown(): Promise<void> {
    return this.writes.drained();
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
    return rows.map(toOrderRecord);
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
    return rows.map(toOrderRecord);
  }

  async eventsOf(orderId: string): Promise<OrderEvent[]> {
    const rows = await this.db
      .select()
      .from(orderEvents)
      .where(eq(orderEvents.orderId, orderId))
      .orderBy(asc(orderEvents.id));
    return rows.map(toOrderEvent);
  }

  async recentEvents({ account, limit }: { account?: string; limit: number }): Promise<OrderEvent[]> {
    const rows = await this.db
      .select()
      .from(orderEvents)
      .where(account ? eq(orderEvents.account, account) : undefined)
      .orderBy(desc(orderEvents.id))
      .limit(limit);
    return rows.map(toOrderEvent);
  }

  private async first(condition: SQL | undefined): Promise<OrderRecord | undefined> {
    const [row] = await this.db.select().from(orders).where(condition).limit(1);
    return row ? toOrderRecord(row) : undefined;
  }
}
