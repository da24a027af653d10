import type Big from 'big.js';
import { dec, roundToStep } from '../../decimal/index.js';
import type { OrderSide } from '../../domain/index.js';
import type { PaperQuote } from '../market/paper-quote.js';

/**
 * Where a market order (or a triggered stop) fills: buys at the ask plus `slippageBps`, sells at the bid
 * minus it, rounded to the tick against the trader (slippage is adverse) and never below one tick.
 */
export function marketFillPrice(side: OrderSide, quote: PaperQuote, slippageBps: number, tickSize: Big): Big {
  const slip = dec(slippageBps).div(10_000);
  if (side === 'buy') return roundToStep(quote.ask.times(slip.plus(1)), tickSize, 'up');
  const price = roundToStep(quote.bid.times(dec(1).minus(slip)), tickSize, 'down');
  return price.lt(tickSize) ? tickSize : price;
}

/** The quote price an aggressive order meets: the ask for a buy, the bid for a sell. */
export function touchPrice(side: OrderSide, quote: PaperQuote): Big {
  return side === 'buy' ? quote.ask : quote.bid;
}

/** A limit can trade when the opposite side reaches it: buy when ask <= limit, sell when bid >= limit. */
export function limitCrosses(side: OrderSide, limit: Big, quote: PaperQuote): boolean {
  return side === 'buy' ? quote.ask.lte(limit) : quote.bid.gte(limit);
}

/** A buy stop triggers when the ask rises to its price; a sell stop when the bid falls to it. */
export function stopTriggers(side: OrderSide, stopPrice: Big, quote: PaperQuote): boolean {
  return side === 'buy' ? quote.ask.gte(stopPrice) : quote.bid.lte(stopPrice);
}
