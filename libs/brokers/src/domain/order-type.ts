export const ORDER_TYPES = ['market', 'limit', 'stop', 'stop_limit'] as const;
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
