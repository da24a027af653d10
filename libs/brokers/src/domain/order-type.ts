/** `trailing_stop`: a stop that follows the market by `trailingAmount`, then trades at market when touched. */
export const ORDER_TYPES = ['market', 'limit', 'stop', 'stop_limit', 'trailing_stop'] as const;
export type OrderType = (typeof ORDER_TYPES)[number];

export const TIMES_IN_FORCE = ['gtc', 'ioc', 'fok', 'day'] as const;
export type TimeInForce = (typeof TIMES_IN_FORCE)[number];

/** Order types that need a limit price. */
export function needsLimitPrice(type: OrderType): boolean {
  return type === 'limit' || type === 'stop_limit';
}

/** Order types that need a trigger price. */
export function needsStopPrice(type: OrderType): boolean {
  return type === 'stop' || type === 'stop_limit';
}

/** Order types that need a trailing distance. */
export function needsTrailingAmount(type: OrderType): boolean {
  return type === 'trailing_stop';
}
