import { date, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { decimal, instant } from './columns.js';

/**
 * One row per account and UTC day for the daily loss limit: the equity first seen that day (the
 * baseline of today's PnL) and the moment the limit tripped. Kept so that a restart changes neither.
 */
export const riskDays = pgTable(
  'risk_days',
  {
    account: text('account').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    startEquity: decimal('start_equity').notNull(),
    startedAt: instant('started_at').notNull(),
    trippedAt: instant('tripped_at'),
    trippedPnl: decimal('tripped_pnl'),
  },
  (table) => [primaryKey({ columns: [table.account, table.day] })],
);
