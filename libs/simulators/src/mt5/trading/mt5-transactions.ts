import type { TradeTransaction } from '#brokers/mt5/bridge/bridge-commands.js';
import type { Mt5Deal, Mt5Order, Mt5Position } from './mt5-records.js';

export type OrderTransactionKind = 'ORDER_ADD' | 'ORDER_UPDATE' | 'ORDER_DELETE' | 'HISTORY_ADD';

const EMPTY = {
  deal: '0',
  order: '0',
  symbol: '',
  order_type: 0,
  order_state: 0,
  deal_type: 0,
  price: '0',
  volume: '0',
  position: '0',
} as const;

/**
 * An ORDER_* / HISTORY_* transaction: the order's state and its unfilled volume; `position` only for a
 * market order past ORDER_ADD (MqlTradeTransaction leaves it empty otherwise).
 */
export function orderTransaction(kind: OrderTransactionKind, order: Mt5Order): TradeTransaction {
  const market = order.type <= 1;
  return {
    ...EMPTY,
    type: `TRADE_TRANSACTION_${kind}`,
    order: order.ticket,
    symbol: order.symbol.name,
    order_type: order.type,
    order_state: order.state,
    price: order.priceOpen.toFixed(order.symbol.digits),
    volume: order.volumeCurrent.toFixed(volumeDecimals(order.symbol.volumeStep)),
    position: market && kind !== 'ORDER_ADD' ? order.positionId : '0',
  };
}

export function dealTransaction(deal: Mt5Deal, digits: number, step: string): TradeTransaction {
  return {
    ...EMPTY,
    type: 'TRADE_TRANSACTION_DEAL_ADD',
    deal: deal.ticket,
    order: deal.order,
    symbol: deal.symbol,
    deal_type: deal.type,
    price: deal.price.toFixed(digits),
    volume: deal.volume.toFixed(volumeDecimals(step)),
    position: deal.positionId,
  };
}

/** POSITION: a change not made by a deal (an SL/TP edit); `deal_type` is the position's side. */
export function positionTransaction(position: Mt5Position): TradeTransaction {
  const { symbol } = position;
  return {
    ...EMPTY,
    type: 'TRADE_TRANSACTION_POSITION',
    symbol: symbol.name,
    deal_type: position.type,
    price: position.priceOpen.toFixed(symbol.digits),
    volume: position.volume.toFixed(volumeDecimals(symbol.volumeStep)),
    position: position.ticket,
  };
}

/** REQUEST: MqlTradeTransaction is empty; the bridge adds the result's request_id and retcode. */
export function requestTransaction(requestId: number, retcode: number): TradeTransaction {
  return { ...EMPTY, type: 'TRADE_TRANSACTION_REQUEST', request_id: requestId, retcode };
}

/** Decimals of a volume step: "0.01" → 2. */
export function volumeDecimals(step: string): number {
  const dot = step.indexOf('.');
  return dot === -1 ? 0 : step.length - dot - 1;
}

/**
 * The order in which one operation's transactions reach OnTradeTransaction is not guaranteed (a market
 * close was seen to send DEAL_ADD after HISTORY_ADD): a seeded generator picks each operation's variant,
 * so a run is reproducible and an adapter relying on one order fails.
 */
export class Mt5TransactionOrder {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0 || 1;
  }

  /** Deterministic coin flip (mulberry32). */
  flip(): boolean {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) % 2 === 0;
  }
}
