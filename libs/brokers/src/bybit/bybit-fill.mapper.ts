import type { ExecutionV5 } from 'bybit-api';
import type { Fill } from '../domain/index.js';

/** The fields of an execution that REST (`ExecutionV5`) and the `execution` topic share. */
export type BybitExecutionShape = Pick<
  ExecutionV5,
  | 'execId'
  | 'orderId'
  | 'orderLinkId'
  | 'symbol'
  | 'side'
  | 'execQty'
  | 'execPrice'
  | 'execFee'
  | 'feeCurrency'
  | 'isMaker'
  | 'execTime'
  | 'execType'
>;

/** Executions that are fills of our orders: not funding, settlement or position moves. */
export function isTradeExecution(execution: Pick<ExecutionV5, 'execType'>): boolean {
  return (
    execution.execType === 'Trade' || execution.execType === 'BustTrade' || execution.execType === 'AdlTrade'
  );
}

export function toFill(execution: BybitExecutionShape, quoteCurrency: string): Fill {
  return {
    executionId: execution.execId,
    brokerOrderId: execution.orderId,
    clientOrderId: execution.orderLinkId,
    symbol: execution.symbol,
    side: execution.side === 'Buy' ? 'buy' : 'sell',
    quantity: execution.execQty,
    price: execution.execPrice,
    fee: execution.execFee === '' ? '0' : execution.execFee,
    feeCurrency: execution.feeCurrency || quoteCurrency,
    liquidity: execution.isMaker ? 'maker' : 'taker',
    executedAt: new Date(Number(execution.execTime)).toISOString(),
  };
}
