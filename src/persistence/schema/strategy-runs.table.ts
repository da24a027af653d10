import { index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { instant } from './columns.js';

/**
 * Live strategy runs: what was asked (strategy, account, symbol, timeframe, parameters, sizing), where the
 * run is, and the last bar it acted on, from which a run resumed after a restart goes on.
 */
export const strategyRuns = pgTable(
  'strategy_runs',
  {
    id: uuid('id').primaryKey(),
    strategy: text('strategy').notNull(),
    account: text('account').notNull(),
    symbol: text('symbol').notNull(),
    timeframe: text('timeframe').notNull(),
    parameters: jsonb('parameters').notNull(),
    sizing: jsonb('sizing').notNull(),
    status: text('status').notNull(),
    /** Why it is paused, stopped or failed, in words. */
    statusReason: text('status_reason'),
    /** Open time of the last bar the strategy saw: bars up to it are never acted on again. */
    lastBarTime: instant('last_bar_time'),
    createdAt: instant('created_at').notNull(),
    stoppedAt: instant('stopped_at'),
  },
  (table) => [index('strategy_runs_status_idx').on(table.status)],
);

/**
 * Each order a run placed, written before the order is: the bar and the signal's index within it that
 * made it, which is what its client order id is derived from.
 */
export const strategyRunOrders = pgTable(
  'strategy_run_orders',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => strategyRuns.id, { onDelete: 'cascade' }),
    clientOrderId: text('client_order_id').notNull(),
    barTime: instant('bar_time').notNull(),
    signalIndex: integer('signal_index').notNull(),
    /** The strategy's own label (`entry`, `exit`, `flatten`), when it gave one. */
    tag: text('tag'),
    createdAt: instant('created_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.runId, table.clientOrderId] })],
);
