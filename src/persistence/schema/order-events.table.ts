import { bigserial, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { decimal, instant } from './columns.js';

/** The audit trail: every state change of every order, with what caused it and the broker's payload. */
export const orderEvents = pgTable(
  'order_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orderId: uuid('order_id').notNull(),
    account: text('account').notNull(),
    clientOrderId: text('client_order_id').notNull(),
    symbol: text('symbol').notNull(),
    status: text('status').notNull(),
    filledQuantity: decimal('filled_quantity').notNull(),
    /** `request`, `broker`, `reconcile` or `risk`. */
    source: text('source').notNull(),
    reason: text('reason'),
    payload: jsonb('payload'),
    at: instant('at').notNull(),
  },
  (table) => [
    index('order_events_order_id_idx').on(table.orderId, table.id),
    index('order_events_account_id_idx').on(table.account, table.id),
  ],
);
