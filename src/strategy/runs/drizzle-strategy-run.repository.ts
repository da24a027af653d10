import { Injectable } from '@nestjs/common';
import { and, asc, desc, eq, inArray, or } from 'drizzle-orm';
import type { ParameterValues } from '#backtest/strategy/parameter-schema.js';
import type { OrderRecord } from '../../orders/order-record.js';
import { toOrderRecord } from '../../orders/order-rows.js';
import { InjectDatabase, type Database } from '../../persistence/database.js';
import { fills, orders, strategyRunOrders, strategyRuns } from '../../persistence/schema/index.js';
import type { RunFill } from './run-results.js';
import {
  ACTIVE_RUN_STATUSES,
  type RunOrderLink,
  type RunSizing,
  type StrategyRunRecord,
  type StrategyRunStatus,
} from './strategy-run-record.js';
import { StrategyRunRepository } from './strategy-run.repository.js';

type RunRow = typeof strategyRuns.$inferSelect;

const iso = (value: Date | null): string | null => (value === null ? null : value.toISOString());
const date = (value: string | null): Date | null => (value === null ? null : new Date(value));

function toRecord(row: RunRow): StrategyRunRecord {
  return {
    id: row.id,
    strategy: row.strategy,
    account: row.account,
    symbol: row.symbol,
    timeframe: row.timeframe,
    parameters: row.parameters as ParameterValues,
    sizing: row.sizing as RunSizing,
    status: row.status as StrategyRunStatus,
    statusReason: row.statusReason,
    lastBarTime: iso(row.lastBarTime),
    createdAt: row.createdAt.toISOString(),
    stoppedAt: iso(row.stoppedAt),
  };
}

/** Live runs on PostgreSQL (PGlite or a server). */
@Injectable()
export class DrizzleStrategyRunRepository extends StrategyRunRepository {
  constructor(@InjectDatabase() private readonly db: Database) {
    super();
  }

  async insert(run: StrategyRunRecord): Promise<void> {
    await this.db.insert(strategyRuns).values({
      ...run,
      lastBarTime: date(run.lastBarTime),
      createdAt: new Date(run.createdAt),
      stoppedAt: date(run.stoppedAt),
    });
  }

  async update(run: StrategyRunRecord): Promise<void> {
    await this.db
      .update(strategyRuns)
      .set({
        status: run.status,
        statusReason: run.statusReason,
        lastBarTime: date(run.lastBarTime),
        stoppedAt: date(run.stoppedAt),
      })
      .where(eq(strategyRuns.id, run.id));
  }

  async findById(id: string): Promise<StrategyRunRecord | undefined> {
    const [row] = await this.db.select().from(strategyRuns).where(eq(strategyRuns.id, id));
    return row === undefined ? undefined : toRecord(row);
  }

  async list(limit: number): Promise<StrategyRunRecord[]> {
    const rows = await this.db
      .select()
      .from(strategyRuns)
      .orderBy(desc(strategyRuns.createdAt), desc(strategyRuns.id))
      .limit(limit);
    return rows.map(toRecord);
  }

  async listActive(): Promise<StrategyRunRecord[]> {
    const rows = await this.db
      .select()
      .from(strategyRuns)
      .where(inArray(strategyRuns.status, [...ACTIVE_RUN_STATUSES]))
      .orderBy(asc(strategyRuns.createdAt));
    return rows.map(toRecord);
  }

  async linkOrder(link: RunOrderLink): Promise<void> {
    await this.db
      .insert(strategyRunOrders)
      .values({ ...link, barTime: new Date(link.barTime), createdAt: new Date() })
      .onConflictDoNothing();
  }

  async links(runId: string): Promise<RunOrderLink[]> {
    const rows = await this.db
      .select()
      .from(strategyRunOrders)
      .where(eq(strategyRunOrders.runId, runId))
      .orderBy(asc(strategyRunOrders.createdAt));
    return rows.map((row) => ({
      runId: row.runId,
      clientOrderId: row.clientOrderId,
      barTime: row.barTime.toISOString(),
      signalIndex: row.signalIndex,
      tag: row.tag,
    }));
  }

  async ordersOf(run: StrategyRunRecord): Promise<OrderRecord[]> {
    const rows = await this.db
      .select()
      .from(orders)
      .where(this.ordersOfRun(run))
      .orderBy(asc(orders.createdAt), asc(orders.id));
    return rows.map(toOrderRecord);
  }

  async fillsOf(run: StrategyRunRecord): Promise<RunFill[]> {
    const ids = this.db.select({ id: orders.id }).from(orders).where(this.ordersOfRun(run));
    const rows = await this.db
      .select()
      .from(fills)
      .where(and(eq(fills.account, run.account), inArray(fills.orderId, ids)))
      .orderBy(asc(fills.executedAt), asc(fills.id));
    return rows.map((row) => ({
      executionId: row.executionId,
      orderId: row.orderId!,
      side: row.side as RunFill['side'],
      quantity: row.quantity,
      price: row.price,
      fee: row.fee,
      executedAt: row.executedAt.toISOString(),
    }));
  }

  /** The orders the run placed and the bracket legs the broker made for them. */
  private ordersOfRun(run: StrategyRunRecord) {
    const placed = this.db
      .select({ clientOrderId: strategyRunOrders.clientOrderId })
      .from(strategyRunOrders)
      .where(eq(strategyRunOrders.runId, run.id));
    const entries = this.db
      .select({ id: orders.id })
      .from(orders)
      .where(and(eq(orders.account, run.account), inArray(orders.clientOrderId, placed)));
    return and(
      eq(orders.account, run.account),
      or(inArray(orders.clientOrderId, placed), inArray(orders.parentId, entries)),
    );
  }
}
