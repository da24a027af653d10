import type Big from 'big.js';
import { dec, roundToStep, toDecimalString } from '../../decimal/index.js';
import type { Ticker } from '../../domain/index.js';

/** The paper broker's current top of book for one symbol, kept as decimals. */
export interface PaperQuote {
  readonly symbol: string;
  readonly bid: Big;
  readonly ask: Big;
  /** The feed's own price (the walk or replay point), used for candles. */
  readonly last: Big;
  /** Quantity quoted at the bid and at the ask (the instrument's `depth`). */
  readonly size: Big;
  /** Synthetic volume traded since the previous quote, for the candles. */
  readonly volume: Big;
  readonly timeMs: number;
}

/**
 * Bid and ask around `price`: the spread is exactly `spreadTicks` ticks (at least one, so bid < ask
 * always) and both sides stay on the tick grid and above zero.
 */
export function quoteAround(price: Big, tickSize: Big, spreadTicks: number): { bid: Big; ask: Big } {
  const spread = Math.max(1, Math.round(spreadTicks));
  const center = roundToStep(price, tickSize, 'nearest');
  let bid = center.minus(tickSize.times(Math.floor(spread / 2)));
  if (bid.lt(tickSize)) bid = tickSize;
  return { bid, ask: bid.plus(tickSize.times(spread)) };
}

/** The mark price: the exact middle of bid and ask. */
export function midPrice(quote: Pick<PaperQuote, 'bid' | 'ask'>): Big {
  return quote.bid.plus(quote.ask).div(2);
}

export function toTicker(quote: PaperQuote): Ticker {
  return {
    symbol: quote.symbol,
    bid: toDecimalString(quote.bid),
    ask: toDecimalString(quote.ask),
    last: toDecimalString(quote.last),
    bidSize: toDecimalString(quote.size),
    askSize: toDecimalString(quote.size),
    time: new Date(quote.timeMs).toISOString(),
  };
}

/** The lowest price a feed may print so that the bid below it stays positive. */
export function priceFloor(tickSize: Big, spreadTicks: number): Big {
  return tickSize.times(Math.floor(Math.max(1, Math.round(spreadTicks)) / 2) + 1);
}

export const ZERO: Big = dec(0);
