import type { AccountOrderV5 } from 'bybit-api';
import type { BrokerOrder, OrderRole, OrderStatus, OrderType, TimeInForce } from '../domain/index.js';

/** The fields of an order that REST (`AccountOrderV5`) and the `order` topic share. */
export type BybitOrderShape = Pick<
  AccountOrderV5,
  | 'orderId'
  | 'orderLinkId'
  | 'symbol'
  | 'side'
  | 'orderType'
  | 'price'
  | 'qty'
  | 'cumExecQty'
  | 'avgPrice'
  | 'triggerPrice'
  | 'timeInForce'
  | 'orderStatus'
  | 'rejectReason'
  | 'stopOrderType'
  | 'createdTime'
  | 'updatedTime'
>;

const STATUS: Readonly<Record<string, OrderStatus>> = {
  Created: 'new',
  New: 'submitted',
  Untriggered: 'submitted',
  Triggered: 'submitted',
  Active: 'submitted',
  PartiallyFilled: 'partially_filled',
  Filled: 'filled',
  Cancelled: 'cancelled',
  PartiallyFilledCanceled: 'cancelled',
  Deactivated: 'cancelled',
  Rejected: 'rejected',
};

const TIME_IN_FORCE: Readonly<Record<string, TimeInForce>> = {
  GTC: 'gtc',
  IOC: 'ioc',
  FOK: 'fok',
  PostOnly: 'gtc',
};

const ROLE: Readonly<Record<string, OrderRole>> = {
  TakeProfit: 'take_profit',
  PartialTakeProfit: 'take_profit',
  StopLoss: 'stop_loss',
  PartialStopLoss: 'stop_loss',
};

const iso = (ms: string): string => new Date(Number(ms)).toISOString();
/** Bybit sends "" or "0" for a price that is not set. */
const price = (value: string | undefined): string | null =>
  value === undefined || value === '' || Number(value) === 0 ? null : value;

export function toBrokerStatus(orderStatus: string): OrderStatus {
  const status = STATUS[orderStatus];
  if (!status) throw new Error(`Unknown Bybit orderStatus "${orderStatus}"`);
  return status;
}

function orderType(order: BybitOrderShape): OrderType {
  // Bybit sends "" or "UNKNOWN" (outside its typings) for an order that is not conditional.
  const stopType = order.stopOrderType as string;
  const conditional = price(order.triggerPrice) !== null && stopType !== '' && stopType !== 'UNKNOWN';
  if (!conditional) return order.orderType === 'Market' ? 'market' : 'limit';
  return order.orderType === 'Market' ? 'stop' : 'stop_limit';
}

/** A Bybit order in the domain's terms; TP/SL orders Bybit made from an entry are bracket children. */
export function toBrokerOrder(order: BybitOrderShape): BrokerOrder {
  const type = orderType(order);
  const filled = order.cumExecQty === '' ? '0' : order.cumExecQty;
  return {
    brokerOrderId: order.orderId,
    clientOrderId: order.orderLinkId,
    symbol: order.symbol,
    side: order.side === 'Buy' ? 'buy' : 'sell',
    type,
    timeInForce: TIME_IN_FORCE[order.timeInForce] ?? 'gtc',
    quantity: order.qty,
    filledQuantity: filled,
    averageFillPrice: Number(filled) > 0 ? price(order.avgPrice) : null,
    price: type === 'limit' || type === 'stop_limit' ? price(order.price) : null,
    stopPrice: type === 'stop' || type === 'stop_limit' ? price(order.triggerPrice) : null,
    status: toBrokerStatus(order.orderStatus),
    role: ROLE[order.stopOrderType] ?? 'entry',
    parentOrderId: null,
    rejectReason: order.orderStatus === 'Rejected' ? order.rejectReason || 'rejected by Bybit' : null,
    createdAt: iso(order.createdTime),
    updatedAt: iso(order.updatedTime),
  };
}
