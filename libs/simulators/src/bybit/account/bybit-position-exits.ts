import type { BybitInstrument } from '../market/bybit-instrument.js';
import type { BybitMarket } from '../market/bybit-market.js';
import type { BybitAccountBook } from './bybit-account-book.js';
import type { BybitOrder } from './bybit-order.js';
import type { BybitPositionState } from './bybit-position-book.js';
import { exitOrder } from './bybit-triggers.js';
import { closeUnplaced } from './bybit-unplaced.js';

type ExitKind = 'TakeProfit' | 'StopLoss';
const KINDS: readonly ExitKind[] = ['TakeProfit', 'StopLoss'];

/**
 * A linear position's Full-mode take profit and stop loss: set by the first fill of an order that
 * carries them, kept as untriggered system orders, and cleared when the position closes or reverses.
 */
export class BybitPositionExits {
  constructor(
    private readonly book: BybitAccountBook,
    private readonly market: BybitMarket,
    private readonly clock: () => number,
  ) {}

  /** Sets `order`'s TP/SL on the position, replacing the position's previous ones of each kind given. */
  set(state: BybitPositionState, order: BybitOrder): void {
    const last = this.market.quote(state.instrument).last;
    const now = this.clock();
    for (const kind of KINDS) {
      const price = kind === 'TakeProfit' ? order.takeProfit : order.stopLoss;
      if (!price) continue;
      const by = (kind === 'TakeProfit' ? order.tpTriggerBy : order.slTriggerBy) || 'LastPrice';
      for (const old of this.open(state.instrument, kind)) {
        closeUnplaced(this.book, old, {
          status: 'Deactivated',
          cancelType: 'CancelByUser',
          reason: 'EC_NoError',
          nowMs: now,
        });
      }
      if (kind === 'TakeProfit') {
        state.takeProfit = price;
        state.tpTriggerBy = by;
      } else {
        state.stopLoss = price;
        state.slTriggerBy = by;
      }
      const exit = exitOrder(kind, state, price, by, this.book.nextOrderSequence(), last, now);
      this.book.add(exit);
      this.book.pushOrder(exit);
    }
  }

  /** The position is gone (or reversed): its TP/SL go with it (cancelType CancelByTpSlTsClear). */
  clear(state: BybitPositionState): void {
    const now = this.clock();
    for (const kind of KINDS) {
      for (const exit of this.open(state.instrument, kind)) {
        closeUnplaced(this.book, exit, {
          status: 'Deactivated',
          cancelType: 'CancelByTpSlTsClear',
          reason: 'EC_NoError',
          nowMs: now,
        });
      }
    }
    state.takeProfit = null;
    state.stopLoss = null;
  }

  /** The untriggered exits of one kind on `instrument`. */
  private open(instrument: BybitInstrument, kind: ExitKind): BybitOrder[] {
    return this.book
      .openOrders('linear')
      .filter(
        (order) =>
          order.instrument === instrument && order.stopOrderType === kind && order.paperOrderId === null,
      );
  }
}
