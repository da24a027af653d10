import { integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { instant } from './columns.js';

/**
 * TradingView webhooks: each fires signals at one strategy on one account, for the symbols it lists. The
 * secret is kept as a SHA-256 hash (it is 256 random bits, so the hash cannot be guessed back), with its
 * last four characters to tell webhooks apart. A revoked webhook keeps its row, so its id is never reused.
 */
export const webhooks = pgTable('webhooks', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  account: text('account').notNull(),
  strategy: text('strategy').notNull(),
  symbols: text('symbols').array().notNull(),
  replayWindowSeconds: integer('replay_window_seconds').notNull(),
  secretHash: text('secret_hash').notNull(),
  secretHint: text('secret_hint').notNull(),
  createdAt: instant('created_at').notNull(),
  revokedAt: instant('revoked_at'),
});

/**
 * Every alert a webhook accepted for trading, by its alert id: the primary key is what refuses a replay,
 * even of two deliveries arriving at once. The row is written before the order is placed; `order_id`
 * stays null when the order was refused (the alert id is spent either way).
 */
export const webhookAlerts = pgTable(
  'webhook_alerts',
  {
    webhookId: text('webhook_id')
      .notNull()
      .references(() => webhooks.id, { onDelete: 'cascade' }),
    alertId: text('alert_id').notNull(),
    receivedAt: instant('received_at').notNull(),
    orderId: text('order_id'),
  },
  (table) => [primaryKey({ columns: [table.webhookId, table.alertId] })],
);
