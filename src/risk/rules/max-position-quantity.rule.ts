import type Big from 'big.js';
import { toDecimalString, type OrderRequest } from '#brokers';
import { ANY_SYMBOL } from '../../config/risk-limits.schema.js';
import type { RiskViolation } from '../risk-rule.js';
import { signedOrderQuantity } from './position-quantity.js';
import { reducesPosition } from './reduces-position.js';

/** The position limit of `symbol`: its own, else the `*` default, else none. */
export function positionLimitFor(
  limits: Readonly<Record<string, string>> | undefined,
  symbol: string,
): string | undefined {
  return limits?.[symbol] ?? limits?.[ANY_SYMBOL];
}

/**
 * Refuses an order that, fully filled, would leave an absolute position above the symbol's limit.
 * An order that only reduces passes even when the position is already above it (the limit was lowered,
 * or fills came from elsewhere): refusing it would trap the account in the very exposure the limit is about.
 */
export function checkMaxPositionQuantity(
  limits: Readonly<Record<string, string>> | undefined,
  request: OrderRequest,
  current: Big,
): RiskViolation | null {
  const limit = positionLimitFor(limits, request.symbol);
  if (limit === undefined || reducesPosition(request, current)) return null;
  const after = current.plus(signedOrderQuantity(request));
  if (after.abs().lte(limit)) return null;
  const value = toDecimalString(after);
  return {
    rule: 'max_position_quantity',
    message: `max position quantity ${limit} ${request.symbol} exceeded: position ${toDecimalString(current)} would become ${value}`,
    limit,
    value,
  };
}
