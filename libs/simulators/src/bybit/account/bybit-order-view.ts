import type Big from 'big.js';
import { dec, toDecimalString } from '../../paper-engine.js';
import { type BybitOrder, isOpenStatus } from './bybit-order.js';

const text = (value: Big | null, none: string): string => (value === null ? none : toDecimalString(value));

/** What remains to fill, in base coin (zero once the order is closed). */
export function leavesQtyOf(order: BybitOrder): Big {
  if (!isOpenStatus(order.status)) return dec(0);
  const wanted = order.paperQty ?? order.qty;
  const left = wanted.minus(order.cumExecQty);
  return left.gt(0) ? left : dec(0);
}

/**
 * An order as `/v5/order/realtime` and `/v5/order/history` list it (docs/v5/order/open-order.mdx):
 * plain orders carry "UNKNOWN"/"0" in their unused conditional fields as the REST example does, spot
 * has `basePrice` instead of `lastPriceOnCreated` and no `createType`.
 */
export function toRestOrder(order: BybitOrder): Record<string, unknown> {
  const spot = order.category === 'spot';
  const leaves = leavesQtyOf(order);
  const hasTpSl = order.takeProfit !== null || order.stopLoss !== null;
  const view: Record<string, unknown> = {
    orderId: order.orderId,
    orderLinkId: order.orderLinkId,
    parentOrderLinkId: '',
    blockTradeId: '',
    symbol: order.instrument.symbol,
    price: text(order.price, '0'),
    qty: toDecimalString(order.qty),
    side: order.side,
    isLeverage: spot ? '0' : '',
    positionIdx: 0,
    orderStatus: order.status,
    cancelType: order.cancelType,
    rejectReason: order.rejectReason,
    avgPrice: averagePrice(order),
    leavesQty: toDecimalString(leaves),
    leavesValue: toDecimalString(order.price ? leaves.times(order.price) : dec(0)),
    cumExecQty: toDecimalString(order.cumExecQty),
    cumExecValue: toDecimalString(order.cumExecValue),
    cumExecFee: toDecimalString(order.cumExecFee),
    timeInForce: order.timeInForce,
    orderType: order.orderType,
    stopOrderType: order.stopOrderType === '' ? 'UNKNOWN' : order.stopOrderType,
    orderIv: '',
    marketUnit: order.marketUnit,
    triggerPrice: text(order.triggerPrice, '0'),
    takeProfit: text(order.takeProfit, '0'),
    stopLoss: text(order.stopLoss, '0'),
    tpslMode: spot || !hasTpSl ? '' : 'Full',
    ocoTriggerBy: '',
    tpLimitPrice: '',
    slLimitPrice: '',
    tpTriggerBy: order.tpTriggerBy === '' ? 'UNKNOWN' : order.tpTriggerBy,
    slTriggerBy: order.slTriggerBy === '' ? 'UNKNOWN' : order.slTriggerBy,
    triggerDirection: order.triggerDirection,
    triggerBy: order.triggerBy === '' ? 'UNKNOWN' : order.triggerBy,
    lastPriceOnCreated: spot ? '' : toDecimalString(order.lastPriceOnCreated),
    reduceOnly: order.reduceOnly,
    closeOnTrigger: order.closeOnTrigger,
    placeType: '',
    smpType: 'None',
    smpGroup: 0,
    smpOrderId: '',
    createdTime: String(order.createdTime),
    updatedTime: String(order.updatedTime),
    cumFeeDetail: feeDetail(order),
  };
  if (spot) view.basePrice = toDecimalString(order.lastPriceOnCreated);
  else view.createType = order.createType;
  return view;
}

/**
 * An order as the `order` topic pushes it (docs/v5/websocket/private/order.mdx): the REST fields plus
 * `category`, `feeCurrency` and `closedPnl`, with "" in unused conditional fields as the push example has.
 */
export function toWsOrder(order: BybitOrder, closedPnl: Big): Record<string, unknown> {
  const rest = toRestOrder(order);
  const plain = order.stopOrderType === '';
  return {
    category: order.category,
    ...rest,
    stopOrderType: order.stopOrderType,
    triggerPrice: text(order.triggerPrice, ''),
    takeProfit: text(order.takeProfit, ''),
    stopLoss: text(order.stopLoss, ''),
    tpTriggerBy: order.tpTriggerBy,
    slTriggerBy: order.slTriggerBy,
    triggerBy: order.triggerBy,
    lastPriceOnCreated: plain ? '' : toDecimalString(order.lastPriceOnCreated),
    createType: order.createType,
    feeCurrency: '',
    closedPnl: toDecimalString(closedPnl),
  };
}

function averagePrice(order: BybitOrder): string {
  // docs: "returns "" for those orders without avg price".
  if (order.cumExecQty.eq(0)) return '';
  return toDecimalString(order.cumExecValue.div(order.cumExecQty).round(8));
}

function feeDetail(order: BybitOrder): Record<string, string> {
  if (order.cumExecFee.eq(0)) return {};
  return { [order.instrument.config.quoteCoin]: toDecimalString(order.cumExecFee) };
}
