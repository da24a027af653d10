import type Big from 'big.js';
import type { BybitCategory } from '../bybit-simulator-config.js';
import { toDecimalString } from '../../paper-engine.js';
import type { BybitOrder } from './bybit-order.js';
import { leavesQtyOf } from './bybit-order-view.js';

/** One trade of one order, as the account recorded it. */
export interface BybitExecution {
  /** Increasing per account: the cursor of paged lists and the push's `seq`. */
  readonly seq: number;
  readonly execId: string;
  readonly category: BybitCategory;
  readonly symbol: string;
  readonly orderId: string;
  readonly orderLinkId: string;
  readonly side: string;
  readonly orderPrice: string;
  readonly orderQty: string;
  /** What the order still had to fill right after this trade. */
  readonly leavesQty: string;
  readonly orderType: string;
  readonly stopOrderType: string;
  readonly createType: string;
  readonly execPrice: Big;
  readonly execQty: Big;
  readonly execValue: Big;
  readonly execFee: Big;
  readonly feeRate: Big;
  readonly feeCurrency: string;
  readonly isMaker: boolean;
  readonly execTime: number;
  /** Position quantity this trade closed (linear). */
  readonly closedSize: Big;
  /** PnL this trade realized, before fees (linear). */
  execPnl: Big;
  markPrice: Big;
}

/** The order-side fields of an execution, fixed at the moment of the trade. */
export function orderFieldsOf(
  order: BybitOrder,
): Pick<
  BybitExecution,
  | 'orderId'
  | 'orderLinkId'
  | 'side'
  | 'orderPrice'
  | 'orderQty'
  | 'leavesQty'
  | 'orderType'
  | 'stopOrderType'
  | 'createType'
> {
  return {
    orderId: order.orderId,
    orderLinkId: order.orderLinkId,
    side: order.side,
    orderPrice: order.price === null ? '0' : toDecimalString(order.price),
    orderQty: toDecimalString(order.qty),
    leavesQty: toDecimalString(leavesQtyOf(order)),
    orderType: order.orderType,
    stopOrderType: order.stopOrderType === '' ? 'UNKNOWN' : order.stopOrderType,
    createType: order.createType,
  };
}

/** As `/v5/execution/list` lists it (docs/v5/order/execution.mdx). */
export function toRestExecution(execution: BybitExecution): Record<string, unknown> {
  const linear = execution.category === 'linear';
  return {
    symbol: execution.symbol,
    orderType: execution.orderType,
    underlyingPrice: '',
    orderLinkId: execution.orderLinkId,
    side: execution.side,
    indexPrice: '',
    orderId: execution.orderId,
    stopOrderType: execution.stopOrderType,
    leavesQty: execution.leavesQty,
    execTime: String(execution.execTime),
    feeCurrency: linear ? '' : execution.feeCurrency,
    isMaker: execution.isMaker,
    execFee: toDecimalString(execution.execFee),
    feeRate: toDecimalString(execution.feeRate),
    execId: execution.execId,
    tradeIv: '',
    blockTradeId: '',
    markPrice: toDecimalString(execution.markPrice),
    execPrice: toDecimalString(execution.execPrice),
    markIv: '',
    orderQty: execution.orderQty,
    orderPrice: execution.orderPrice,
    execValue: toDecimalString(execution.execValue),
    execType: 'Trade',
    execQty: toDecimalString(execution.execQty),
    closedSize: linear ? toDecimalString(execution.closedSize) : '',
    extraFees: '',
    seq: execution.seq,
    createType: execution.createType,
  };
}

/** As the `execution` topic pushes it (docs/v5/websocket/private/execution.mdx). */
export function toWsExecution(execution: BybitExecution): Record<string, unknown> {
  return {
    category: execution.category,
    ...toRestExecution(execution),
    isLeverage: execution.category === 'spot' ? '0' : '',
    execFeeV2: '',
    feeCurrency: execution.feeCurrency,
    execPnl: execution.category === 'linear' ? toDecimalString(execution.execPnl) : '',
    marketUnit: '',
  };
}
