import type Big from 'big.js';
import type { OrderSide } from '../../domain/index.js';
import { ZERO } from '../market/paper-quote.js';

/**
 * Quantity left at the current best bid and ask of each symbol. Orders share it, so one quote never
 * fills more than its size, whatever the number of orders; a new quote refills it.
 */
export class DepthBook {
  private readonly left = new Map<string, { buy: Big; sell: Big }>();

  /** A new quote of `size` on each side. */
  refill(symbol: string, size: Big): void {
    this.left.set(symbol, { buy: size, sell: size });
  }

  /** What a `side` order can still take from the current quote (a buy takes the ask side). */
  available(symbol: string, side: OrderSide): Big {
    return this.left.get(symbol)?.[side] ?? ZERO;
  }

  take(symbol: string, side: OrderSide, quantity: Big): void {
    const left = this.left.get(symbol);
    if (left) left[side] = left[side].minus(quantity);
  }
}
