import type { BybitAccountBook } from './bybit-account-book.js';
import type { BybitOrder } from './bybit-order.js';

/** How an order that never reached the engine ends, in Bybit's terms. */
export interface UnplacedEnd {
  /** `Deactivated` for a conditional order or TP/SL cancelled before it triggered; else `Cancelled`. */
  readonly status: 'Cancelled' | 'Deactivated';
  readonly cancelType: string;
  readonly reason: string;
  readonly nowMs: number;
}

/**
 * Closes an order the engine never saw (a PostOnly that would have taken liquidity, a conditional
 * order or a position TP/SL that is cancelled or cannot run) and pushes its final state.
 */
export function closeUnplaced(book: BybitAccountBook, order: BybitOrder, end: UnplacedEnd): void {
  order.status = end.status;
  order.cancelType = end.cancelType;
  order.rejectReason = end.reason;
  order.updatedTime = end.nowMs;
  book.pushOrder(order);
}
