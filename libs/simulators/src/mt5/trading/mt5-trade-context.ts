import type Big from 'big.js';
import type { TradeTransaction } from '#brokers/mt5/bridge/bridge-commands.js';
import { dec } from '../../paper-engine.js';
import type { Mt5Market } from '../market/mt5-market.js';
import type { Mt5ServerTime } from '../mt5-server-time.js';
import type { Mt5SimulatorConfig, Mt5SymbolConfig } from '../mt5-simulator-config.js';
import type { Mt5Book } from './mt5-book.js';
import type { Mt5Order } from './mt5-records.js';
import type { Mt5Tickets } from './mt5-tickets.js';
import type { Mt5TransactionOrder } from './mt5-transactions.js';

/** What the trade actions and the server-side triggers share. */
export interface Mt5TradeContext {
  readonly config: Mt5SimulatorConfig;
  readonly market: Mt5Market;
  readonly time: Mt5ServerTime;
  readonly book: Mt5Book;
  readonly tickets: Mt5Tickets;
  readonly variants: Mt5TransactionOrder;
  /** UTC milliseconds. */
  now(): number;
  /** Hands a transaction to OnTradeTransaction (the bridge forwards it, or holds it while busy). */
  emit(transaction: TradeTransaction): void;
}

/** ORDER_REASON_EXPERT: every request comes from the bridge EA. */
export const REASON_EXPERT = 3;

export interface NewOrder {
  readonly symbol: Mt5SymbolConfig;
  readonly type: number;
  readonly volume: Big;
  readonly price: Big;
  readonly state: number;
  readonly reason: number;
  readonly magic?: string;
  readonly comment?: string;
  readonly typeFilling?: number;
  readonly typeTime?: number;
  readonly expiration?: number;
  readonly sl?: Big;
  readonly tp?: Big;
  readonly stoplimit?: Big;
  readonly closes?: string;
  readonly positionId?: string;
}

/** A new order with the next ticket. */
export function newOrder(context: Mt5TradeContext, fields: NewOrder): Mt5Order {
  const zero = dec(0);
  return {
    ticket: context.tickets.nextOrder(),
    symbol: fields.symbol,
    type: fields.type,
    typeFilling: fields.typeFilling ?? 0,
    typeTime: fields.typeTime ?? 0,
    expiration: fields.expiration ?? 0,
    state: fields.state,
    magic: fields.magic ?? '0',
    positionId: fields.positionId ?? '0',
    reason: fields.reason,
    volumeInitial: fields.volume,
    volumeCurrent: fields.volume,
    priceOpen: fields.price,
    sl: fields.sl ?? zero,
    tp: fields.tp ?? zero,
    priceStoplimit: fields.stoplimit ?? zero,
    comment: fields.comment ?? '',
    timeSetupMs: context.now(),
    timeDoneMs: 0,
    closes: fields.closes,
  };
}
