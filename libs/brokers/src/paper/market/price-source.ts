import type Big from 'big.js';

/** Where one symbol's prices come from: a random walk or a replayed candle file. */
export interface PriceSource {
  /** The price before the first tick. */
  readonly current: Big;
  /** Advances one tick and returns the new price, on the tick grid and positive. */
  next(): Big;
  /** Moves the source to `price` (after a manual quote), if it can follow; a replay cannot. */
  moveTo(price: Big): void;
  /** The time the source itself gives its current price (a replay's candle time), or null when it has none. */
  readonly currentTimeMs: number | null;
}
