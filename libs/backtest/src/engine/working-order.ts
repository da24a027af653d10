import type {
  StrategyOrder,
  StrategyOrderRequest,
  StrategyOrderStatus,
  StrategyOrderType,
  StrategySide,
} from '../strategy/strategy-order.js';

/** The engine's own, mutable view of an order; strategies see it through the readonly StrategyOrder. */
export interface WorkingOrder extends StrategyOrder {
  symbolIndex: number;
  side: StrategySide;
  buy: boolean;
  type: StrategyOrderType;
  quantity: number;
  filledQuantity: number;
  status: StrategyOrderStatus;
  reason: string | null;
  parentId: string | null;
  /** First step of the timeline at which it may fill. */
  eligibleStep: number;
  /** A stop-limit whose stop has triggered now rests as a limit. */
  triggered: boolean;
  /** Exit legs only ever reduce the position; they are cancelled when there is nothing to reduce. */
  reduceOnly: boolean;
  /** Bracket entry: the legs placed once it fills. */
  takeProfit: number | null;
  stopLoss: number | null;
  /** The other leg of a bracket's one-cancels-other pair. */
  sibling: WorkingOrder | null;
}

/** Why `order` (made from `request`) cannot be accepted, or null: a bad quantity or a missing price. */
export function orderProblem(order: WorkingOrder, request: StrategyOrderRequest): string | null {
  if (request.quantity !== undefined && !(request.quantity > 0)) return 'quantity must be positive';
  const needsLimit = order.type === 'limit' || order.type === 'stop_limit';
  const needsStop = order.type === 'stop' || order.type === 'stop_limit';
  if (needsLimit && !(order.limitPrice !== null && order.limitPrice > 0))
    return `a ${order.type} order needs a limit price`;
  if (needsStop && !(order.stopPrice !== null && order.stopPrice > 0))
    return `a ${order.type} order needs a stop price`;
  return null;
}
