import type Big from 'big.js';
import { ORDER_STATE, ORDER_TYPE, TRADE_REASON } from '#brokers/mt5/bridge/bridge-commands.js';
import type { Mt5Quote } from '../market/mt5-market.js';
import { emitFill } from './mt5-fill-transactions.js';
import { closingPrice } from './mt5-money.js';
import { activateStopLimit } from './mt5-pending-actions.js';
import type { Mt5Order, Mt5Position } from './mt5-records.js';
import { newOrder, type Mt5TradeContext } from './mt5-trade-context.js';
import { orderTransaction } from './mt5-transactions.js';

/** Pending orders past their expiry (server seconds) leave as EXPIRED, with no REQUEST: the server did it. */
function expire(context: Mt5TradeContext): void {
  const serverNow = context.time.toServerSeconds(context.now());
  for (const order of [...context.book.pending.values()]) {
    if (order.expiration === 0 || serverNow < order.expiration) continue;
    context.book.finish(order, ORDER_STATE.EXPIRED, context.now());
    context.emit(orderTransaction('ORDER_DELETE', order));
    context.emit(orderTransaction('HISTORY_ADD', order));
  }
}

/**
 * The fill price of a pending order the quote reached, or undefined: buy orders watch Ask, sell orders
 * Bid; a limit fills at its price, a stop at the market. A stop-limit's trigger returns 'activate'.
 */
function reached(order: Mt5Order, quote: Mt5Quote): Big | 'activate' | undefined {
  const { ask, bid } = quote;
  const price = order.priceOpen;
  switch (order.type) {
    case ORDER_TYPE.BUY_LIMIT:
      return ask.lte(price) ? price : undefined;
    case ORDER_TYPE.SELL_LIMIT:
      return bid.gte(price) ? price : undefined;
    case ORDER_TYPE.BUY_STOP:
      return ask.gte(price) ? ask : undefined;
    case ORDER_TYPE.SELL_STOP:
      return bid.lte(price) ? bid : undefined;
    case ORDER_TYPE.BUY_STOP_LIMIT:
      return ask.gte(price) ? 'activate' : undefined;
    case ORDER_TYPE.SELL_STOP_LIMIT:
      return bid.lte(price) ? 'activate' : undefined;
    default:
      return undefined;
  }
}

function fillPending(context: Mt5TradeContext, symbol: string): void {
  const quote = context.market.quote(symbol);
  const due = [...context.book.pending.values()].filter((o) => o.symbol.name === symbol);
  for (const order of due) {
    const price = reached(order, quote);
    if (price === undefined) continue;
    if (price === 'activate') {
      activateStopLimit(context, order);
      continue;
    }
    const execution = context.book.execute(order, price, order.reason, context.now());
    emitFill(context, order, execution);
  }
}

/** Which protective level the quote hit: a buy's against Bid, a sell's against Ask. */
function hitLevel(position: Mt5Position, quote: Mt5Quote): 'sl' | 'tp' | undefined {
  const buy = position.type === 0;
  const price = closingPrice(quote, buy);
  const { sl, tp } = position;
  if (!sl.eq(0) && (buy ? price.lte(sl) : price.gte(sl))) return 'sl';
  if (!tp.eq(0) && (buy ? price.gte(tp) : price.lte(tp))) return 'tp';
  return undefined;
}

/**
 * Stop loss and take profit: the server closes the position with its own market order, reason SL 4 or
 * TP 5, overwriting the comment with "[sl 1.09000]" / "[tp 1.11000]"; no REQUEST follows.
 */
function closeByLevels(context: Mt5TradeContext, symbol: string): void {
  const quote = context.market.quote(symbol);
  for (const position of context.book.positions.filter((p) => p.symbol.name === symbol)) {
    const level = hitLevel(position, quote);
    if (!level) continue;
    const buy = position.type === 0;
    const price = closingPrice(quote, buy);
    const reason = level === 'sl' ? TRADE_REASON.SL : TRADE_REASON.TP;
    const mark = (level === 'sl' ? position.sl : position.tp).toFixed(position.symbol.digits);
    const order = newOrder(context, {
      symbol: position.symbol,
      type: buy ? ORDER_TYPE.SELL : ORDER_TYPE.BUY,
      volume: position.volume,
      price,
      state: ORDER_STATE.STARTED,
      reason,
      magic: position.magic,
      comment: `[${level} ${mark}]`,
      closes: position.ticket,
      positionId: position.identifier,
    });
    context.emit(orderTransaction('ORDER_ADD', order));
    emitFill(context, order, context.book.execute(order, price, reason, context.now()));
  }
}

/**
 * What the trade server does on a new quote, connected or not: expiries, then pending orders of the
 * symbol, then SL/TP of its positions. Nothing triggers while the symbol's market is closed.
 */
export function runTriggers(context: Mt5TradeContext, symbols: readonly string[]): void {
  expire(context);
  for (const symbol of symbols) {
    if (!context.market.isOpen(symbol, context.now())) continue;
    fillPending(context, symbol);
    closeByLevels(context, symbol);
  }
}
