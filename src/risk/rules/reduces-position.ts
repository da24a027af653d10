import type Big from 'big.js';
import type { OrderRequest } from '#brokers';
import { signedOrderQuantity } from './position-quantity.js';

/**
 * True when the order can only bring the position closer to flat: the opposite side, no more than is
 * held. A bracket is never "only reducing": its exits would re-open what the entry closed.
 */
export function reducesPosition(request: OrderRequest, current: Big): boolean {
  if (request.takeProfit !== undefined || request.stopLoss !== undefined) return false;
  if (current.eq(0)) return false;
  const change = signedOrderQuantity(request);
  const oppositeSide = change.gt(0) !== current.gt(0);
  return oppositeSide && change.abs().lte(current.abs());
}
