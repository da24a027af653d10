import type { OrderRequest } from '../domain/index.js';
import { InvalidOrderError } from '../errors/index.js';
import {
  ORDER_FILLING,
  ORDER_TIME,
  ORDER_TYPE,
  SYMBOL_EXECUTION,
  SYMBOL_FILLING_FLAG,
  TRADE_ACTION,
  type SymbolInfo,
  type Tick,
  type TradeRequest,
} from './bridge/bridge-commands.js';
import { commentFor } from './mt5-client-order-ids.js';

const BROKER = 'mt5';

export interface TradeRequestContext {
  readonly symbol: SymbolInfo;
  /** The quote a market order is priced at on Instant or Request execution; read for market orders only. */
  readonly tick: Tick | undefined;
  readonly magic: string;
  readonly deviationPoints: number;
  /** On a hedging account, the opposite position a market order closes (in whole or in part). */
  readonly closes?: string;
}

const PENDING_TYPES = {
  limit: { buy: ORDER_TYPE.BUY_LIMIT, sell: ORDER_TYPE.SELL_LIMIT },
  stop: { buy: ORDER_TYPE.BUY_STOP, sell: ORDER_TYPE.SELL_STOP },
  stop_limit: { buy: ORDER_TYPE.BUY_STOP_LIMIT, sell: ORDER_TYPE.SELL_STOP_LIMIT },
} as const;

/** The order_send request for a port order: a deal for a market order, a pending order otherwise. */
export function toTradeRequest(order: OrderRequest, context: TradeRequestContext): TradeRequest {
  const common = {
    symbol: order.symbol,
    volume: order.quantity,
    magic: context.magic,
    comment: commentFor(order.clientOrderId),
    ...(order.stopLoss ? { sl: order.stopLoss } : {}),
    ...(order.takeProfit ? { tp: order.takeProfit } : {}),
  };
  if (order.type === 'market') {
    const quoted = context.symbol.trade_exemode <= SYMBOL_EXECUTION.INSTANT && context.tick !== undefined;
    return {
      ...common,
      action: TRADE_ACTION.DEAL,
      type: order.side === 'buy' ? ORDER_TYPE.BUY : ORDER_TYPE.SELL,
      type_filling: marketFilling(order, context.symbol),
      // Market and Exchange execution ignore the price; Instant and Request trade at it or requote.
      ...(quoted ? { price: order.side === 'buy' ? context.tick.ask : context.tick.bid } : {}),
      deviation: context.deviationPoints,
      ...(context.closes ? { position: context.closes } : {}),
    };
  }
  if (order.type === 'trailing_stop')
    throw new InvalidOrderError('MT5 trails stops in the terminal, not on the server', { broker: BROKER });
  if (order.timeInForce === 'ioc' || order.timeInForce === 'fok')
    throw new InvalidOrderError(
      `MT5 pending orders rest until filled, cancelled or expired: use gtc or day, not ${order.timeInForce}`,
      { broker: BROKER },
    );
  const trigger = order.type === 'limit' ? order.price : order.stopPrice;
  return {
    ...common,
    action: TRADE_ACTION.PENDING,
    type: PENDING_TYPES[order.type][order.side],
    price: trigger,
    ...(order.type === 'stop_limit' ? { stoplimit: order.price } : {}),
    // Pending orders always RETURN: what is not filled keeps working.
    type_filling: ORDER_FILLING.RETURN,
    type_time: order.timeInForce === 'day' ? ORDER_TIME.DAY : ORDER_TIME.GTC,
  };
}

/**
 * The filling a market order asks for. FOK and IOC are allowed by the symbol's flags on Market and Exchange
 * execution and always on Instant and Request; RETURN never on Market execution. gtc and day ask for
 * neither, so the terminal's own preference applies: FOK, then IOC, then RETURN.
 */
function marketFilling(order: OrderRequest, symbol: SymbolInfo): number {
  const quoted = symbol.trade_exemode <= SYMBOL_EXECUTION.INSTANT;
  const allows = (flag: number): boolean => quoted || (symbol.filling_mode & flag) !== 0;
  const returnAllowed = symbol.trade_exemode !== SYMBOL_EXECUTION.MARKET;
  if (order.timeInForce === 'fok' || order.timeInForce === 'ioc') {
    const wanted = order.timeInForce === 'fok' ? SYMBOL_FILLING_FLAG.FOK : SYMBOL_FILLING_FLAG.IOC;
    if (!allows(wanted))
      throw new InvalidOrderError(`${symbol.name} does not allow ${order.timeInForce} filling`, {
        broker: BROKER,
      });
    return order.timeInForce === 'fok' ? ORDER_FILLING.FOK : ORDER_FILLING.IOC;
  }
  if (allows(SYMBOL_FILLING_FLAG.FOK)) return ORDER_FILLING.FOK;
  if (allows(SYMBOL_FILLING_FLAG.IOC)) return ORDER_FILLING.IOC;
  if (returnAllowed) return ORDER_FILLING.RETURN;
  throw new InvalidOrderError(`${symbol.name} allows no filling mode for a market order`, { broker: BROKER });
}
