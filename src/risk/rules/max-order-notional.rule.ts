import { dec, toDecimalString, type OrderRequest } from '#brokers';
import type { RiskViolation } from '../risk-rule.js';

/** Refuses one order whose quantity × `price` (see `referencePrice`) is above `limit`. */
export function checkMaxOrderNotional(
  limit: string | undefined,
  request: Pick<OrderRequest, 'symbol' | 'quantity'>,
  price: string,
): RiskViolation | null {
  if (limit === undefined) return null;
  const notional = dec(request.quantity).times(price);
  if (notional.lte(limit)) return null;
  const value = toDecimalString(notional);
  return {
    rule: 'max_order_notional',
    message: `max order notional ${limit} exceeded: ${request.quantity} ${request.symbol} at ${price} is ${value}`,
    limit,
    value,
  };
}
