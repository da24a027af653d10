import type Big from 'big.js';
import { toDecimalString } from '../../decimal/index.js';
import { type OrderSide, isFinalStatus, oppositeSide } from '../../domain/index.js';
import { invalid } from './order-validation.js';
import type { PaperOrder } from './paper-order.js';
import { ZERO } from '../market/paper-quote.js';

/**
 * A bracket's exits must sit on the right side of where the entry fills: for a buy, take-profit above
 * and stop-loss below the reference price (the entry's limit or stop price, or the quote for a market
 * entry); mirrored for a sell.
 */
export function validateBracket(
  side: OrderSide,
  reference: Big,
  takeProfit: Big | null,
  stopLoss: Big | null,
): void {
  const above = side === 'buy';
  if (takeProfit && (above ? !takeProfit.gt(reference) : !takeProfit.lt(reference))) {
    throw invalid(
      'takeProfit',
      `${toDecimalString(takeProfit)} must be ${above ? 'above' : 'below'} the entry price ${toDecimalString(reference)}`,
    );
  }
  if (stopLoss && (above ? !stopLoss.lt(reference) : !stopLoss.gt(reference))) {
    throw invalid(
      'stopLoss',
      `${toDecimalString(stopLoss)} must be ${above ? 'below' : 'above'} the entry price ${toDecimalString(reference)}`,
    );
  }
}

/**
 * A take-profit (limit) or stop-loss (stop) child on the opposite side of `entry`. It starts with
 * quantity 0: a child's quantity always equals what the entry has filled minus what its sibling has
 * filled, so it only works once the entry has a position to close.
 */
export function createChild(
  entry: PaperOrder,
  role: 'take_profit' | 'stop_loss',
  price: Big,
  brokerOrderId: string,
  nowMs: number,
): PaperOrder {
  const takeProfit = role === 'take_profit';
  const child: PaperOrder = {
    brokerOrderId,
    clientOrderId: `${entry.clientOrderId}-${takeProfit ? 'tp' : 'sl'}`,
    symbol: entry.symbol,
    side: oppositeSide(entry.side),
    type: takeProfit ? 'limit' : 'stop',
    // Exits outlive the entry's own time in force: they protect a position, not a quote.
    timeInForce: 'gtc',
    quantity: ZERO,
    filledQuantity: ZERO,
    filledNotional: ZERO,
    price: takeProfit ? price : null,
    stopPrice: takeProfit ? null : price,
    status: 'submitted',
    role,
    parent: entry,
    reason: null,
    createdMs: nowMs,
    updatedMs: nowMs,
    triggered: false,
    rested: false,
    expiresAtMs: null,
    children: [],
  };
  entry.children.push(child);
  return child;
}

/** The other child of the same bracket. */
export function siblingOf(child: PaperOrder): PaperOrder | undefined {
  return child.parent?.children.find((other) => other !== child);
}

/**
 * Re-sizes an open bracket child after its entry or its sibling changed: quantity = entry filled −
 * sibling filled (one-cancels-other). Once the entry is final and nothing is left, the child is
 * `filled` if it traded, else `cancelled`. Returns whether anything the port shows changed.
 */
export function resizeChild(child: PaperOrder, nowMs: number): boolean {
  const entry = child.parent;
  if (!entry || isFinalStatus(child.status)) return false;
  const sibling = siblingOf(child);
  const siblingFilled = sibling?.filledQuantity ?? ZERO;
  let quantity = entry.filledQuantity.minus(siblingFilled);
  if (quantity.lt(child.filledQuantity)) quantity = child.filledQuantity;
  const left = quantity.minus(child.filledQuantity);
  const traded = child.filledQuantity.gt(0);
  let status: PaperOrder['status'];
  let reason = child.reason;
  if (isFinalStatus(entry.status) && left.eq(0)) {
    status = traded ? 'filled' : 'cancelled';
    if (!traded) {
      reason =
        sibling && siblingFilled.gt(0)
          ? `one-cancels-other: ${sibling.role} filled`
          : `entry ${entry.status} without a fill`;
    }
  } else {
    status = traded ? 'partially_filled' : 'submitted';
  }
  if (quantity.eq(child.quantity) && status === child.status) return false;
  child.quantity = quantity;
  child.status = status;
  child.reason = reason;
  child.updatedMs = nowMs;
  return true;
}
