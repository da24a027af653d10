import type { Mt5Execution } from './mt5-book.js';
import type { Mt5Order } from './mt5-records.js';
import type { Mt5TradeContext } from './mt5-trade-context.js';
import { dealTransaction, orderTransaction } from './mt5-transactions.js';

/**
 * The transactions of an executed order, after its ORDER_ADD: DEAL_ADD, ORDER_DELETE and HISTORY_ADD,
 * with the deal either first or after the order moved to history (both seen on live terminals), picked
 * by the seeded variant generator.
 */
export function emitFill(context: Mt5TradeContext, order: Mt5Order, execution: Mt5Execution): void {
  const { symbol } = order;
  const deal = dealTransaction(execution.deal, symbol.digits, symbol.volumeStep);
  const deleted = orderTransaction('ORDER_DELETE', order);
  const history = orderTransaction('HISTORY_ADD', order);
  const sequence = context.variants.flip() ? [deal, deleted, history] : [deleted, history, deal];
  for (const transaction of sequence) context.emit(transaction);
}
