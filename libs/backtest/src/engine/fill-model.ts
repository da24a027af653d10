import type { ExecutionCosts } from './execution-costs.js';
import type { WorkingOrder } from './working-order.js';

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

/** A bar is matched in this many passes: market orders at the open, then stops, then limits. */
export const FILL_PASSES = 3;

/**
 * The price `order` fills at in `pass` of a bar, or NaN. Stops pass before limits, so a bar that holds
 * both a bracket's stop and its target takes the stop: the conservative rule.
 */
export function fillPriceInPass(
  order: WorkingOrder,
  pass: number,
  step: number,
  open: number,
  high: number,
  low: number,
  costs: ExecutionCosts,
): number {
  if (pass === 0) return order.type === 'market' ? costs.slipped(open, order.buy) : Number.NaN;
  if (pass === 1) {
    const armedStop = order.type === 'stop' || (order.type === 'stop_limit' && !order.triggered);
    if (!armedStop) return Number.NaN;
    const trigger = stopTriggerPrice(order.buy, order.stopPrice as number, open, high, low);
    if (Number.isNaN(trigger)) return trigger;
    if (order.type === 'stop') return costs.slipped(trigger, order.buy);
    // A triggered stop-limit fills at once only when its limit is marketable at the trigger; else it rests
    // from the next bar, since the bar's path after the trigger is unknown.
    const limit = order.limitPrice as number;
    if (order.buy ? trigger <= limit : trigger >= limit) return trigger;
    order.triggered = true;
    order.eligibleStep = step + 1;
    return Number.NaN;
  }
  const restingLimit = order.type === 'limit' || (order.type === 'stop_limit' && order.triggered);
  return restingLimit ? limitFillPrice(order.buy, order.limitPrice as number, open, high, low) : Number.NaN;
}
