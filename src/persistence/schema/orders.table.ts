import { index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { decimal, instant } from './columns.js';

/**
 * Orders, written before the broker sees them. (account, client_order_id) is the idempotency record: a
 * retry finds the row and its request fingerprint instead of placing a second order.
 */
export const orders = pgTable(
  'orders',
  {
    id: uuid('id').primaryKey(),
    account: text('account').notNull(),
    clientOrderId: text('client_order_id').notNull(),
    brokerOrderId: text('broker_order_id'),
    symbol: text('symbol').notNull(),
    side: text('side').notNull(),
    type: text('type').notNull(),
    timeInForce: text('time_in_force').notNull(),
    quantity: decimal('quantity').notNull(),
    filledQuantity: decimal('filled_quantity').notNull(),
    averageFillPrice: decimal('average_fill_price'),
    price: decimal('price'),
    stopPrice: decimal('stop_price'),
    trailingAmount: decimal('trailing_amount'),
    takeProfit: decimal('take_profit'),
    stopLoss: decimal('stop_loss'),
    status: text('status').notNull(),
    role: text('role').notNull(),
    parentId: uuid('parent_id'),
    rejectReason: text('reject_reason'),
    strategy: text('strategy'),
    fingerprint: text('fingerprint').notNull(),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
    /** Writes taken so far: a state change applies only on top of the revision it was judged against. */
    revision: integer('revision').notNull().default(0),
  },
  (table) => [
    uniqueIndex('orders_account_client_order_id_key').on(table.account, table.clientOrderId),
    index('orders_account_broker_order_id_idx').on(table.account, table.brokerOrderId),
    index('orders_account_status_idx').on(table.account, table.status),
    index('orders_created_at_idx').on(table.createdAt, table.id),
  ],
);
