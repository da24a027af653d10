import { boolean, pgTable, text } from 'drizzle-orm/pg-core';
import { instant } from './columns.js';

/** Every broker account Edgerunner has served, and whether it may take new orders. */
export const accounts = pgTable('accounts', {
  name: text('name').primaryKey(),
  broker: text('broker').notNull(),
  /** Set while reconciliation with the broker has failed: new orders are refused. */
  degraded: boolean('degraded').notNull().default(false),
  degradedReason: text('degraded_reason'),
  lastReconciledAt: instant('last_reconciled_at'),
  createdAt: instant('created_at').notNull().defaultNow(),
});
