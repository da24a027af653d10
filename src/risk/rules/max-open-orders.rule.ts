import type { RiskViolation } from '../risk-rule.js';

/** Refuses a new order when `open` orders already reach `limit` (every new order counts as one more). */
export function checkMaxOpenOrders(limit: number | undefined, open: number): RiskViolation | null {
  if (limit === undefined || open + 1 <= limit) return null;
  return {
    rule: 'max_open_orders',
    message: `max open orders ${limit} reached: ${open} open, this order would make ${open + 1}`,
    limit: String(limit),
    value: String(open + 1),
  };
}
