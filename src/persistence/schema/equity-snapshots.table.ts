import { bigserial, index, pgTable, text } from 'drizzle-orm/pg-core';
import { decimal, instant } from './columns.js';

/** Account value over time, for the equity curve and live performance. */
export const equitySnapshots = pgTable(
  'equity_snapshots',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    account: text('account').notNull(),
    balance: decimal('balance').notNull(),
    equity: decimal('equity').notNull(),
    unrealizedPnl: decimal('unrealized_pnl').notNull(),
    realizedPnl: decimal('realized_pnl').notNull(),
    marginUsed: decimal('margin_used').notNull(),
    at: instant('at').notNull(),
  },
  (table) => [index('equity_snapshots_account_at_idx').on(table.account, table.at)],
);
