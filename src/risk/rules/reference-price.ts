import type { OrderRequest, Ticker } from '#brokers';

/** True when the order names no price of its own, so its notional needs the current quote. */
export function needsQuote(request: Pick<OrderRequest, 'type'>): boolean {
  return request.type === 'market' || request.type === 'trailing_stop';
}

/**
 * The price an order's notional is measured at: its limit price (limit, stop_limit), its trigger (stop),
 * else the side of the quote it would take (the ask for a buy, the bid for a sell): a market order, and a
 * trailing stop, whose stop starts at the quote.
 */
export function referencePrice(
  request: Pick<OrderRequest, 'type' | 'side' | 'price' | 'stopPrice'>,
  ticker: Pick<Ticker, 'bid' | 'ask'> | undefined,
): string {
  if ((request.type === 'limit' || request.type === 'stop_limit') && request.price !== undefined)
    return request.price;
  if (request.type === 'stop' && request.stopPrice !== undefined) return request.stopPrice;
  if (!ticker) throw new Error(`a ${request.type} order without its price needs the current quote`);
  return request.side === 'buy' ? ticker.ask : ticker.bid;
}
