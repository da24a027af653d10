import { dec } from '../decimal/index.js';
import type { BrokerOrder, OrderAck, OrderRequest } from '../domain/index.js';
import { TRADE_ACTION } from './bridge/bridge-commands.js';

const POSITION_BUY = 0;
const POSITION_SELL = 1;
import type { Mt5AccountReader } from './mt5-account-reader.js';
import { commentFor, type Mt5OrderIds } from './mt5-client-order-ids.js';
import type { Mt5Config } from './mt5-config.js';
import { compareTickets, type Mt5OrderReader } from './mt5-order-reader.js';
import { toMt5Error } from './mt5-retcodes.js';
import type { Mt5Terminal } from './mt5-terminal.js';
import { toTradeRequest } from './mt5-trade-requests.js';

/**
 * order_send for the port's orders and cancels. A refusal is a retcode in the result, not a failed
 * command, and becomes the project's error with MT5's code; an order the terminal took is remembered by
 * ticket before its events can be told, and by comment while it is on its way.
 */
export class Mt5OrderSender {
  constructor(
    private readonly terminal: Mt5Terminal,
    private readonly accounts: Mt5AccountReader,
    private readonly reader: Mt5OrderReader,
    private readonly ids: Mt5OrderIds,
    private readonly config: Pick<Mt5Config, 'magic' | 'deviationPoints'>,
    private readonly hedging: () => boolean,
  ) {}

  async place(request: OrderRequest): Promise<OrderAck> {
    const symbol = await this.accounts.symbolInfo(request.symbol);
    const tick = request.type === 'market' ? await this.terminal.tick(request.symbol) : undefined;
    const closes = await this.closingTicket(request);
    const tradeRequest = toTradeRequest(request, {
      symbol,
      tick,
      ...this.config,
      ...(closes ? { closes } : {}),
    });
    const comment = commentFor(request.clientOrderId);
    this.ids.sendingWith(comment, request.clientOrderId);
    try {
      const result = await this.terminal.orderSend(tradeRequest);
      const error = toMt5Error(result.retcode, result.comment);
      if (error) throw error;
      const receivedAt = new Date().toISOString();
      this.ids.remember({
        clientOrderId: request.clientOrderId,
        ticket: result.order,
        timeInForce: request.timeInForce,
        createdAt: receivedAt,
      });
      // Submitted even for a deal already done: its volume and price come with the deal's own event, and an
      // order told filled with nothing filled would be a state no reader can trust.
      const status = 'submitted';
      return { brokerOrderId: result.order, clientOrderId: request.clientOrderId, status, receivedAt };
    } finally {
      this.ids.sent(comment);
    }
  }

  /**
   * The port sees one net position per symbol, so on a hedging account a market order against an open
   * position reduces it, as it would on a netting account: it closes the oldest opposite ticket that holds
   * at least its volume (in part when it holds more). A bracket entry, or an order no single ticket can
   * absorb, opens a position of its own.
   */
  private async closingTicket(request: OrderRequest): Promise<string | undefined> {
    if (request.type !== 'market' || !this.hedging() || request.stopLoss || request.takeProfit)
      return undefined;
    const opposite = request.side === 'buy' ? POSITION_SELL : POSITION_BUY;
    const [oldest] = (await this.terminal.positions({ symbol: request.symbol }))
      .filter((position) => position.type === opposite && dec(position.volume).gte(request.quantity))
      .sort((a, b) => a.time_msc - b.time_msc || compareTickets(a.ticket, b.ticket));
    return oldest?.ticket;
  }

  /** Removes a pending order; one that is not (or no longer) pending is the server's refusal to tell. */
  async cancel(ticket: string): Promise<BrokerOrder> {
    await this.reader.order(ticket);
    const result = await this.terminal.orderSend({ action: TRADE_ACTION.REMOVE, order: ticket });
    const error = toMt5Error(result.retcode, result.comment);
    if (error) throw error;
    return this.reader.order(ticket);
  }
}
