import type Big from 'big.js';
import { ORDER_FILLING, ORDER_STATE, ORDER_TYPE } from '#brokers/mt5/bridge/bridge-commands.js';
import { RETCODE } from '../mt5-codes.js';
import type { Mt5SymbolConfig } from '../mt5-simulator-config.js';
import { firstRefusal, type Mt5Outcome, refused } from './mt5-outcome.js';
import { isBuyType, type Mt5Order } from './mt5-records.js';
import {
  checkFilling,
  checkFrozen,
  checkPendingPrice,
  checkStopsFrom,
  checkTick,
  checkTradeMode,
  checkVolume,
  expiry,
} from './mt5-trade-checks.js';
import { newOrder, REASON_EXPERT, type Mt5TradeContext } from './mt5-trade-context.js';
import type { Mt5TradeRequest } from './mt5-trade-request.js';
import { orderTransaction } from './mt5-transactions.js';

const STOP_LIMITS: readonly number[] = [ORDER_TYPE.BUY_STOP_LIMIT, ORDER_TYPE.SELL_STOP_LIMIT];
/** SYMBOL_ORDER_MODE flag a pending type needs: LIMIT 2, STOP 4, STOP_LIMIT 8. */
const ORDER_MODE_FLAG: Readonly<Record<number, number>> = { 2: 2, 3: 2, 4: 4, 5: 4, 6: 8, 7: 8 };

/** The price a pending order will open at: a stop-limit's limit price, else its own. */
function openingPrice(type: number, price: Big, stoplimit: Big): Big {
  return STOP_LIMITS.includes(type) ? stoplimit : price;
}

interface Levels {
  readonly price: Big;
  readonly stoplimit: Big;
  readonly sl: Big;
  readonly tp: Big;
  readonly typeTime: number;
  readonly expiration: number;
}

/** The price checks a new or modified pending order passes, then its expiry (server seconds) or a refusal. */
function checkLevels(
  context: Mt5TradeContext,
  symbol: Mt5SymbolConfig,
  type: number,
  levels: Levels,
): number | { at: number } {
  const quote = context.market.quote(symbol.name);
  const stopLimit = STOP_LIMITS.includes(type);
  const refusal = firstRefusal(
    () => checkTick(symbol, levels.price, stopLimit ? levels.stoplimit : levels.price, levels.sl, levels.tp),
    () => checkPendingPrice(symbol, type, levels.price, levels.stoplimit, quote),
    () =>
      checkStopsFrom(
        symbol,
        isBuyType(type),
        levels.sl,
        levels.tp,
        openingPrice(type, levels.price, levels.stoplimit),
      ),
  );
  if (refusal !== undefined) return refusal;
  const expires = expiry(
    symbol,
    levels.typeTime,
    levels.expiration,
    context.time.toServerSeconds(context.now()),
  );
  return 'retcode' in expires ? expires.retcode : expires;
}

function marketClosed(context: Mt5TradeContext, symbol: Mt5SymbolConfig): number | undefined {
  return context.market.isOpen(symbol.name, context.now()) ? undefined : RETCODE.MARKET_CLOSED;
}

/** TRADE_ACTION_PENDING: a limit, stop or stop-limit order that waits on the server. */
export function pendingAction(
  context: Mt5TradeContext,
  symbol: Mt5SymbolConfig,
  request: Mt5TradeRequest,
): Mt5Outcome {
  const flag = ORDER_MODE_FLAG[request.type];
  if (flag === undefined || (symbol.orderMode & flag) === 0) return refused(RETCODE.INVALID_ORDER);
  const volumeRefusal = checkVolume(symbol, request.volume);
  if (volumeRefusal !== undefined || !request.volume) return refused(volumeRefusal ?? RETCODE.INVALID_VOLUME);
  const levels = checkLevels(context, symbol, request.type, request);
  if (typeof levels === 'number') return refused(levels);
  const refusal = firstRefusal(
    () => checkFilling(symbol, request.typeFilling, request.type),
    () => checkTradeMode(symbol, isBuyType(request.type), false),
    () => marketClosed(context, symbol),
  );
  if (refusal !== undefined) return refused(refusal);
  const stopLimit = STOP_LIMITS.includes(request.type);
  const order = newOrder(context, {
    symbol,
    type: request.type,
    volume: request.volume,
    price: request.price,
    stoplimit: stopLimit ? request.stoplimit : undefined,
    sl: request.sl,
    tp: request.tp,
    state: ORDER_STATE.STARTED,
    reason: REASON_EXPERT,
    magic: request.magic,
    comment: request.comment,
    typeFilling: request.typeFilling,
    typeTime: request.typeTime,
    expiration: levels.at,
  });
  context.book.pending.set(order.ticket, order);
  // A live server may first show the order STARTED, then update it to PLACED.
  const twoStep = context.variants.flip();
  if (twoStep) context.emit(orderTransaction('ORDER_ADD', order));
  order.state = ORDER_STATE.PLACED;
  context.emit(orderTransaction(twoStep ? 'ORDER_UPDATE' : 'ORDER_ADD', order));
  return { retcode: RETCODE.PLACED, order: order.ticket, volume: request.volume };
}

function livePending(context: Mt5TradeContext, request: Mt5TradeRequest): Mt5Order | undefined {
  return request.order === undefined ? undefined : context.book.pending.get(request.order);
}

/** A pending order within the freeze level of the price that triggers it (Ask for buys, Bid for sells). */
function frozen(context: Mt5TradeContext, order: Mt5Order): number | undefined {
  const quote = context.market.quote(order.symbol.name);
  return checkFrozen(order.symbol, isBuyType(order.type) ? quote.ask : quote.bid, order.priceOpen);
}

/** TRADE_ACTION_MODIFY: new price, stop-limit price, SL/TP or expiry of a pending order. */
export function modifyAction(context: Mt5TradeContext, request: Mt5TradeRequest): Mt5Outcome {
  const order = livePending(context, request);
  if (!order) return refused(RETCODE.INVALID);
  const { symbol } = order;
  const frozenOrder = frozen(context, order);
  if (frozenOrder !== undefined) return refused(frozenOrder);
  const stoplimit = STOP_LIMITS.includes(order.type) ? request.stoplimit : order.priceStoplimit;
  const levels = checkLevels(context, symbol, order.type, { ...request, stoplimit });
  if (typeof levels === 'number') return refused(levels);
  const closed = marketClosed(context, symbol);
  if (closed !== undefined) return refused(closed);
  const unchanged =
    order.priceOpen.eq(request.price) &&
    order.priceStoplimit.eq(stoplimit) &&
    order.sl.eq(request.sl) &&
    order.tp.eq(request.tp) &&
    order.typeTime === request.typeTime &&
    order.expiration === levels.at;
  if (unchanged) return refused(RETCODE.NO_CHANGES);
  Object.assign(order, {
    priceOpen: request.price,
    priceStoplimit: stoplimit,
    sl: request.sl,
    tp: request.tp,
    typeTime: request.typeTime,
    expiration: levels.at,
  });
  context.emit(orderTransaction('ORDER_UPDATE', order));
  return { retcode: RETCODE.DONE, order: order.ticket, volume: order.volumeCurrent };
}

/** TRADE_ACTION_REMOVE: cancels a pending order (not while the market is closed). */
export function removeAction(context: Mt5TradeContext, request: Mt5TradeRequest): Mt5Outcome {
  const order = livePending(context, request);
  if (!order) return refused(RETCODE.INVALID);
  const closed = frozen(context, order) ?? marketClosed(context, order.symbol);
  if (closed !== undefined) return refused(closed);
  context.book.finish(order, ORDER_STATE.CANCELED, context.now());
  context.emit(orderTransaction('ORDER_DELETE', order));
  context.emit(orderTransaction('HISTORY_ADD', order));
  return { retcode: RETCODE.DONE, order: order.ticket, volume: order.volumeCurrent };
}

/** A stop-limit whose trigger price was reached becomes a limit at its stop-limit price, filling RETURN. */
export function activateStopLimit(context: Mt5TradeContext, order: Mt5Order): void {
  order.type = order.type === ORDER_TYPE.BUY_STOP_LIMIT ? ORDER_TYPE.BUY_LIMIT : ORDER_TYPE.SELL_LIMIT;
  order.priceOpen = order.priceStoplimit;
  order.typeFilling = ORDER_FILLING.RETURN;
  context.emit(orderTransaction('ORDER_UPDATE', order));
}
