import type Big from 'big.js';
import { dec } from '../../paper-engine.js';
import { ORDER_STATE } from '#brokers/mt5/bridge/bridge-commands.js';
import { RETCODE } from '../mt5-codes.js';
import type { Mt5SymbolConfig } from '../mt5-simulator-config.js';
import { accountState } from './mt5-account.js';
import { emitFill } from './mt5-fill-transactions.js';
import { marginOf } from './mt5-money.js';
import { firstRefusal, type Mt5Outcome, refused } from './mt5-outcome.js';
import type { Mt5Position } from './mt5-records.js';
import {
  checkFilling,
  checkPositionStops,
  checkTick,
  checkTradeMode,
  checkVolume,
} from './mt5-trade-checks.js';
import { newOrder, REASON_EXPERT, type Mt5TradeContext } from './mt5-trade-context.js';
import type { Mt5TradeRequest } from './mt5-trade-request.js';
import { orderTransaction } from './mt5-transactions.js';

/** The position a deal closes (or reduces, or reverses), and the volume it adds to the exposure. */
interface Effect {
  readonly target?: Mt5Position;
  readonly closes?: string;
  readonly opening: Big;
}

function effectOf(context: Mt5TradeContext, request: Mt5TradeRequest, buy: boolean): Effect | number {
  const volume = request.volume ?? dec(0);
  const symbol = request.symbol ?? '';
  if (request.position !== undefined) {
    const target = context.book.position(request.position);
    if (!target || target.symbol.name !== symbol || (target.type === 0) === buy) return RETCODE.INVALID;
    if (volume.gt(target.volume)) return RETCODE.INVALID_CLOSE_VOLUME;
    return { target, closes: target.ticket, opening: dec(0) };
  }
  if (context.config.marginMode === 'hedging') return { opening: volume };
  const target = context.book.positionOf(symbol);
  if (!target || (target.type === 0) === buy) return { target, opening: volume };
  return { target, opening: volume.gt(target.volume) ? volume.minus(target.volume) : dec(0) };
}

/** Instant execution fills at the requested price only within `deviation` points of the market. */
function instantPriceMoved(symbol: Mt5SymbolConfig, request: Mt5TradeRequest, market: Big): boolean {
  return request.price.minus(market).abs().gt(dec(symbol.point).times(request.deviation));
}

/**
 * TRADE_ACTION_DEAL: a market buy or sell, opening, adding to, reducing, closing (with `position`) or,
 * on netting, reversing a position, after MT5's checks in MT5's order.
 */
export function dealAction(
  context: Mt5TradeContext,
  symbol: Mt5SymbolConfig,
  request: Mt5TradeRequest,
  takeRequote: () => boolean,
): Mt5Outcome {
  if (request.type !== 0 && request.type !== 1) return refused(RETCODE.INVALID_ORDER);
  const buy = request.type === 0;
  const quote = context.market.quote(symbol.name);
  const instant = symbol.exeMode === 0 || symbol.exeMode === 1;
  const effect = effectOf(context, request, buy);
  const closing = typeof effect !== 'number' && effect.opening.eq(0) && effect.target !== undefined;
  const refusal = firstRefusal(
    () => checkVolume(symbol, request.volume),
    () => (typeof effect === 'number' ? effect : undefined),
    () => (instant && request.price.eq(0) ? RETCODE.INVALID_PRICE : undefined),
    // Market execution ignores the request's price; Instant execution trades at it.
    () => checkTick(symbol, instant ? request.price : dec(0), request.sl, request.tp),
    () => (closing ? undefined : checkPositionStops(symbol, buy, request.sl, request.tp, quote)),
    () => checkFilling(symbol, request.typeFilling),
    () => checkTradeMode(symbol, buy, closing),
    () => (context.market.isOpen(symbol.name, context.now()) ? undefined : RETCODE.MARKET_CLOSED),
  );
  if (refusal !== undefined || typeof effect === 'number') return refused(refusal ?? RETCODE.INVALID);
  const price = buy ? quote.ask : quote.bid;
  const required = marginOf(symbol, effect.opening, price, context.config.leverage, context.config.currency);
  if (required.gt(accountState(context).marginFree)) return refused(RETCODE.NO_MONEY);
  if (instant && (takeRequote() || instantPriceMoved(symbol, request, price))) {
    if (!instantPriceMoved(symbol, request, price)) moveAgainst(context, symbol, buy, request.deviation);
    return refused(RETCODE.REQUOTE, context.market.quote(symbol.name));
  }
  const volume = request.volume ?? dec(0);
  const order = newOrder(context, {
    symbol,
    type: request.type,
    volume,
    price,
    state: ORDER_STATE.STARTED,
    reason: REASON_EXPERT,
    magic: request.magic,
    comment: request.comment,
    typeFilling: request.typeFilling,
    sl: effect.closes ? undefined : request.sl,
    tp: effect.closes ? undefined : request.tp,
    closes: effect.closes,
    positionId: effect.target?.identifier,
  });
  context.emit(orderTransaction('ORDER_ADD', order));
  const execution = context.book.execute(order, price, REASON_EXPERT, context.now());
  emitFill(context, order, execution);
  return { retcode: RETCODE.DONE, deal: execution.deal.ticket, order: order.ticket, volume, price, quote };
}

/** A requote: the dealer's price moved away from the client by more than the allowed deviation. */
function moveAgainst(
  context: Mt5TradeContext,
  symbol: Mt5SymbolConfig,
  buy: boolean,
  deviation: number,
): void {
  const shift = dec(symbol.point).times(deviation + 5);
  const { bid } = context.market.quote(symbol.name);
  context.market.setBid(symbol.name, (buy ? bid.plus(shift) : bid.minus(shift)).toFixed(symbol.digits));
}
