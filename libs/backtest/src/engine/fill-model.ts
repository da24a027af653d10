/**
 * Where a resting order fills inside one bar, from its open, high and low. A bar that opens through the
 * price fills at the open (the gap), never at a price the market did not trade; otherwise at the price
 * itself once the range reaches it. NaN: no fill in this bar.
 */
export function limitFillPrice(buy: boolean, limit: number, open: number, high: number, low: number): number {
  if (buy) return open <= limit ? open : low <= limit ? limit : Number.NaN;
  return open >= limit ? open : high >= limit ? limit : Number.NaN;
}

/** The price at which a stop triggers inside one bar (before slippage); NaN: not triggered. */
export function stopTriggerPrice(
  buy: boolean,
  stop: number,
  open: number,
  high: number,
  low: number,
): number {
  if (buy) return open >= stop ? open : high >= stop ? stop : Number.NaN;
  return open <= stop ? open : low <= stop ? stop : Number.NaN;
}
