import type { BybitQuote } from '../market/bybit-market.js';
import { InsufficientFundsError } from '../../paper-engine.js';
import type { BybitAccountBook } from './bybit-account-book.js';
import type { BybitAccountEngine } from './bybit-account-engine.js';
import { canAfford } from './bybit-funds-check.js';
import type { BybitOrder } from './bybit-order.js';
import { wouldTake } from './bybit-order-admission.js';
import { triggerReached } from './bybit-triggers.js';
import { closeUnplaced } from './bybit-unplaced.js';

/**
 * Conditional orders and position TP/SL wait in the account's book, outside the engine, until their
 * trigger price trades; then they enter the engine as the Market or Limit order they become, or end
 * when they can no longer run.
 */
export class BybitConditionalOrders {
  constructor(
    private readonly book: BybitAccountBook,
    private readonly engine: BybitAccountEngine,
    private readonly clock: () => number,
  ) {}

  /** Fires the untriggered orders of the quote's instrument whose trigger price has traded. */
  async fire(quote: BybitQuote): Promise<void> {
    const waiting = this.book
      .openOrders(quote.instrument.category)
      .filter((order) => order.instrument === quote.instrument && triggerReached(order, quote))
      .reverse();
    for (const order of waiting) {
      if (order.status === 'Untriggered') await this.trigger(order, quote);
    }
  }

  /** Untriggered → Triggered, then into the engine as the Market or Limit order it becomes. */
  private async trigger(order: BybitOrder, quote: BybitQuote): Promise<void> {
    order.status = 'Triggered';
    order.updatedTime = this.clock();
    this.book.pushOrder(order);
    const size = this.book.positions.of(order.instrument).size;
    let qty = order.qty;
    if (order.closeOnTrigger || order.reduceOnly) {
      const closes = order.side === 'Buy' ? size.lt(0) : size.gt(0);
      if (!closes) {
        const cancelType = order.stopOrderType === 'Stop' ? 'CancelByReduceOnly' : 'CancelByTpSlTsClear';
        this.end(order, 'Deactivated', cancelType, 'EC_NoError');
        return;
      }
      qty = order.stopOrderType === 'Stop' && order.qty.lt(size.abs()) ? order.qty : size.abs();
      order.qty = qty;
    }
    if (!canAfford(this.book, order, qty, quote)) {
      // docs: "If the margin is insufficient after the conditional order is triggered, the order will be cancelled."
      this.end(order, 'Cancelled', 'UNKNOWN', 'EC_Others');
      return;
    }
    if (order.timeInForce === 'PostOnly' && wouldTake(order, quote)) {
      this.end(order, 'Cancelled', 'UNKNOWN', 'EC_PostOnlyWillTakeLiquidity');
      return;
    }
    try {
      await this.engine.operate(() => this.engine.place(order, qty));
    } catch (error) {
      if (!(error instanceof InsufficientFundsError)) throw error;
      order.paperQty = null;
      this.end(order, 'Cancelled', 'UNKNOWN', 'EC_Others');
    }
  }

  private end(
    order: BybitOrder,
    status: 'Cancelled' | 'Deactivated',
    cancelType: string,
    reason: string,
  ): void {
    closeUnplaced(this.book, order, { status, cancelType, reason, nowMs: this.clock() });
  }
}
