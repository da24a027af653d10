import { type OrderSendResult, TRADE_ACTION } from '#brokers/mt5/bridge/bridge-commands.js';
import { MQL_ERROR, Mt5CommandError, RETCODE, retcodeComment } from '../mt5-codes.js';
import type { Mt5SymbolConfig } from '../mt5-simulator-config.js';
import { closeByAction } from './mt5-close-by-action.js';
import { dealAction } from './mt5-deal-action.js';
import type { Mt5Outcome } from './mt5-outcome.js';
import { modifyAction, pendingAction, removeAction } from './mt5-pending-actions.js';
import { sltpAction } from './mt5-sltp-action.js';
import type { Mt5TradeContext } from './mt5-trade-context.js';
import { readTradeRequest, type Mt5TradeRequest } from './mt5-trade-request.js';
import { requestTransaction, volumeDecimals } from './mt5-transactions.js';

/**
 * order_send: reads the MqlTradeRequest, runs its action, and answers MqlTradeResult; the action's
 * transactions go out after the answer and TRADE_TRANSACTION_REQUEST comes last. A request the server
 * refused is still `ok:true` with its retcode; only an unreadable request or unknown symbol fails.
 */
export class Mt5OrderDesk {
  private rejection: { readonly retcode: number; readonly comment?: string } | undefined;
  private requote = false;

  constructor(private readonly context: Mt5TradeContext) {}

  /** The next order_send answers `retcode` (with `comment`, else the server's wording) and changes nothing. */
  rejectNext(retcode: number, comment?: string): void {
    this.rejection = { retcode, comment };
  }

  /** The next market deal on an Instant-execution symbol is requoted. */
  requoteNext(): void {
    this.requote = true;
  }

  send(params: Readonly<Record<string, unknown>>, requestId: number): OrderSendResult {
    const request = readTradeRequest(params);
    const opening = request.action === TRADE_ACTION.DEAL || request.action === TRADE_ACTION.PENDING;
    if (opening && request.symbol === undefined)
      throw new Mt5CommandError(MQL_ERROR.UNREADABLE, 'Invalid parameter "symbol": expected a string');
    const symbol = request.symbol === undefined ? undefined : this.context.market.symbol(request.symbol);
    const rejection = this.rejection;
    this.rejection = undefined;
    // With Algo Trading off in the terminal every trade request fails before it reaches the server.
    const disabled = this.context.config.tradeAllowed ? undefined : { retcode: RETCODE.CLIENT_DISABLES_AT };
    const outcome: Mt5Outcome = rejection ?? disabled ?? this.run(request, symbol);
    this.context.emit(requestTransaction(requestId, outcome.retcode));
    return this.result(outcome, requestId, symbol ?? this.symbolOf(outcome), rejection?.comment);
  }

  private run(request: Mt5TradeRequest, symbol: Mt5SymbolConfig | undefined): Mt5Outcome {
    const { context } = this;
    switch (request.action) {
      case TRADE_ACTION.DEAL:
        return dealAction(context, symbol!, request, () => this.takeRequote());
      case TRADE_ACTION.PENDING:
        return pendingAction(context, symbol!, request);
      case TRADE_ACTION.SLTP:
        return sltpAction(context, request);
      case TRADE_ACTION.MODIFY:
        return modifyAction(context, request);
      case TRADE_ACTION.REMOVE:
        return removeAction(context, request);
      case TRADE_ACTION.CLOSE_BY:
        return closeByAction(context, request);
      default:
        return { retcode: RETCODE.INVALID };
    }
  }

  private takeRequote(): boolean {
    const requote = this.requote;
    this.requote = false;
    return requote;
  }

  private symbolOf(outcome: Mt5Outcome): Mt5SymbolConfig | undefined {
    const order = outcome.order
      ? this.context.book.historyOrders.find((o) => o.ticket === outcome.order)
      : undefined;
    return (order ?? (outcome.order ? this.context.book.pending.get(outcome.order) : undefined))?.symbol;
  }

  private result(
    outcome: Mt5Outcome,
    requestId: number,
    symbol: Mt5SymbolConfig | undefined,
    comment: string | undefined,
  ): OrderSendResult {
    const digits = symbol?.digits ?? 0;
    const quote = outcome.quote;
    return {
      retcode: outcome.retcode,
      deal: outcome.deal ?? '0',
      order: outcome.order ?? '0',
      volume: outcome.volume && symbol ? outcome.volume.toFixed(volumeDecimals(symbol.volumeStep)) : '0',
      price: outcome.price ? outcome.price.toFixed(digits) : '0',
      bid: quote ? quote.bid.toFixed(digits) : '0',
      ask: quote ? quote.ask.toFixed(digits) : '0',
      comment: comment ?? retcodeComment(outcome.retcode),
      request_id: requestId,
      retcode_external: 0,
    };
  }
}
