import { bigserial, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { decimal, instant } from './columns.js';

/** The trade log. (account, execution_id) is unique: a fill reported twice is stored once. */
export const fills = pgTable(
  'fills',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    account: text('account').notNull(),
    executionId: text('execution_id').notNull(),
    orderId: uuid('order_id'),
    brokerOrderId: text('broker_order_id').notNull(),
    clientOrderId: text('client_order_id').notNull(),
    symbol: text('symbol').notNull(),
    side: text('side').notNull(),
    quantity: decimal('quantity').notNull(),
    price: decimal('price').notNull(),
    fee: decimal('fee').notNull(),
    feeCurrency: text('fee_currency').notNull(),
    liquidity: text('liquidity').notNull(),
    strategy: text('strategy'),
    executedAt: instant('executed_at').notNull(),
  },
  (table) => [
    uniqueIndex('fills_account_execution_id_key').on(table.account, table.executionId),
    // Cursor pages walk (executed_at, id) backwards, with or without an account and a symbol.
    index('fills_executed_at_id_idx').on(table.executedAt, table.id),
    index('fills_account_executed_at_id_idx').on(table.account, table.executedAt, table.id),
    index('fills_account_symbol_executed_at_id_idx').on(
      table.account,
      table.symbol,
      table.executedAt,
      table.id,
    ),
  ],
);
