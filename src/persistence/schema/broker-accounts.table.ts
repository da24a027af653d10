import { jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { instant } from './columns.js';

/**
 * Broker accounts added over the API, beside those of the config file. The broker's options (keys,
 * secrets, tokens, an IB account's settings) are sealed as one AES-256-GCM value under the master key
 * named by `key_id`; only the settings every account has (autoConnect, risk limits) are plain.
 */
export const brokerAccounts = pgTable('broker_accounts', {
  name: text('name').primaryKey(),
  broker: text('broker').notNull(),
  settings: jsonb('settings').notNull(),
  sealedOptions: text('sealed_options').notNull(),
  keyId: text('key_id').notNull(),
  createdAt: instant('created_at').notNull(),
  updatedAt: instant('updated_at').notNull(),
});
