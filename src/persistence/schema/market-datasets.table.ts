import { index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { instant } from './columns.js';

/** Uploaded bar files; the bars themselves are in `candles` under the source `dataset:<id>`. */
export const marketDatasets = pgTable(
  'market_datasets',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    symbol: text('symbol').notNull(),
    timeframe: text('timeframe').notNull(),
    barCount: integer('bar_count').notNull(),
    firstBarTime: instant('first_bar_time').notNull(),
    lastBarTime: instant('last_bar_time').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  // The list is newest first.
  (table) => [index('market_datasets_created_at_id_idx').on(table.createdAt, table.id)],
);
