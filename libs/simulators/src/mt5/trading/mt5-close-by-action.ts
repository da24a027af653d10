import { ORDER_STATE, ORDER_TYPE } from '#brokers/mt5/bridge/bridge-commands.js';
import { RETCODE } from '../mt5-codes.js';
import { firstRefusal, type Mt5Outcome, refused } from './mt5-outcome.js';
import { newOrder, REASON_EXPERT, type Mt5TradeContext } from './mt5-trade-context.js';
import type { Mt5TradeRequest } from './mt5-trade-request.js';
import { dealTransaction, orderTransaction, positionTransaction } from './mt5-transactions.js';

/** SYMBOL_ORDER_CLOSEBY. */
const CLOSE_BY_ALLOWED = 64;

/**
 * TRADE_ACTION_CLOSE_BY: closes `position` by the opposite `position_by` on a hedging account. The
 * transactions follow the sequence seen on a demo account: ORDER_ADD, DEAL_ADD, POSITION (of the one
 * that stays open, if any), DEAL_ADD, ORDER_DELETE, HISTORY_ADD; REQUEST follows.
 */
export function closeByAction(context: Mt5TradeContext, request: Mt5TradeRequest): Mt5Outcome {
  const { book } = context;
  const position = request.position === undefined ? undefined : book.position(request.position);
  const by = request.positionBy === undefined ? undefined : book.position(request.positionBy);
  if (context.config.marginMode !== 'hedging' || !position || !by) return refused(RETCODE.INVALID);
  const { symbol } = position;
  const refusal = firstRefusal(
    () => (by.symbol !== symbol || by.type === position.type ? RETCODE.INVALID : undefined),
    () => ((symbol.orderMode & CLOSE_BY_ALLOWED) === 0 ? RETCODE.INVALID_ORDER : undefined),
    () => (context.market.isOpen(symbol.name, context.now()) ? undefined : RETCODE.MARKET_CLOSED),
  );
  if (refusal !== undefined) return refused(refusal);
  const volume = position.volume.lt(by.volume) ? position.volume : by.volume;
  const order = newOrder(context, {
    symbol,
    type: ORDER_TYPE.CLOSE_BY,
    volume,
    price: position.priceOpen,
    state: ORDER_STATE.STARTED,
    reason: REASON_EXPERT,
    magic: request.magic,
    comment: request.comment,
    positionId: position.identifier,
  });
  context.emit(orderTransaction('ORDER_ADD', order));
  const [first, second] = book.closeBy(order, position, by, context.now());
  context.emit(dealTransaction(first!, symbol.digits, symbol.volumeStep));
  const remaining = [position, by].find((p) => p.volume.gt(0));
  if (remaining) context.emit(positionTransaction(remaining));
  context.emit(dealTransaction(second!, symbol.digits, symbol.volumeStep));
  context.emit(orderTransaction('ORDER_DELETE', order));
  context.emit(orderTransaction('HISTORY_ADD', order));
  return { retcode: RETCODE.DONE, deal: first!.ticket, order: order.ticket, volume };
}
