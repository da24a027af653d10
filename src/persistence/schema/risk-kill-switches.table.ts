import { boolean, pgTable, text } from 'drizzle-orm/pg-core';
import { instant } from './columns.js';

/** Each account's kill switch, as last set: on, the account takes no new orders, across restarts. */
export const riskKillSwitches = pgTable('risk_kill_switches', {
  account: text('account').primaryKey(),
  enabled: boolean('enabled').notNull(),
  reason: text('reason'),
  /** Name and id of the API key that set it. */
  changedBy: text('changed_by'),
  changedByKeyId: text('changed_by_key_id'),
  changedAt: instant('changed_at').notNull(),
});
