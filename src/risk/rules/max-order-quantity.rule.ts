import { dec, type OrderRequest } from '#brokers';
import type { RiskViolation } from '../risk-rule.js';

/** Refuses one order larger than `limit`. */
export function checkMaxOrderQuantity(
  limit: string | undefined,
  request: Pick<OrderRequest, 'symbol' | 'quantity'>,
): RiskViolation | null {
  if (limit === undefined || dec(request.quantity).lte(limit)) return null;
  return {
    rule: 'max_order_quantity',
    message: `max order quantity ${limit} exceeded: ${request.quantity} ${request.symbol}`,
    limit,
    value: request.quantity,
  };
}
