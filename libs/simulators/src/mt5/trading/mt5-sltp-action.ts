import { RETCODE } from '../mt5-codes.js';
import { firstRefusal, type Mt5Outcome, refused } from './mt5-outcome.js';
import type { Mt5Position } from './mt5-records.js';
import { closingPrice } from './mt5-money.js';
import { checkFrozen, checkPositionStops, checkTick } from './mt5-trade-checks.js';
import type { Mt5TradeContext } from './mt5-trade-context.js';
import type { Mt5TradeRequest } from './mt5-trade-request.js';
import { positionTransaction } from './mt5-transactions.js';

/** Hedging names the position by ticket; netting may name just the symbol of its one position. */
function targetOf(context: Mt5TradeContext, request: Mt5TradeRequest): Mt5Position | undefined {
  if (request.position !== undefined) {
    const position = context.book.position(request.position);
    return position && (request.symbol === undefined || request.symbol === position.symbol.name)
      ? position
      : undefined;
  }
  if (context.config.marginMode === 'hedging' || request.symbol === undefined) return undefined;
  return context.book.positionOf(request.symbol);
}

/** TRADE_ACTION_SLTP: sets (0 removes) a position's stop loss and take profit. */
export function sltpAction(context: Mt5TradeContext, request: Mt5TradeRequest): Mt5Outcome {
  const position = targetOf(context, request);
  if (!position) return refused(RETCODE.INVALID);
  const { symbol } = position;
  const quote = context.market.quote(symbol.name);
  const refusal = firstRefusal(
    () => checkFrozen(symbol, closingPrice(quote, position.type === 0), position.sl, position.tp),
    () => checkTick(symbol, request.sl, request.tp),
    () => checkPositionStops(symbol, position.type === 0, request.sl, request.tp, quote),
    () => (context.market.isOpen(symbol.name, context.now()) ? undefined : RETCODE.MARKET_CLOSED),
    () => (position.sl.eq(request.sl) && position.tp.eq(request.tp) ? RETCODE.NO_CHANGES : undefined),
  );
  if (refusal !== undefined) return refused(refusal);
  position.sl = request.sl;
  position.tp = request.tp;
  position.timeUpdateMs = context.now();
  context.emit(positionTransaction(position));
  return { retcode: RETCODE.DONE };
}
