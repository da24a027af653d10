import { dec } from '../decimal/index.js';
import type { BrokerOrder, Fill } from '../domain/index.js';
import { OrderNotFoundError } from '../errors/index.js';
import type { TradeDeal, TradeOrder } from './bridge/bridge-commands.js';
import { commentFor, type Mt5OrderIds } from './mt5-client-order-ids.js';
import { isExecution, toBrokerOrder, toFill, type Mt5ViewContext } from './mt5-order-views.js';
import type { Mt5ServerClock } from './mt5-server-clock.js';
import type { HistoryQuery, Mt5Terminal } from './mt5-terminal.js';

const DAY_MS = 86_400_000;
/** A ticket (or chart id): a 64-bit number in decimal. */
export const MT5_TICKET = /^\d{1,20}$/;

/**
 * Orders and fills as the port asks for them, read from the terminal: a live order from orders_get, a
 * finished one from history with its deals. History ranges are server time and end a day past the
 * server's now, since TimeCurrent stops between ticks and a deal stamped after it would be missed.
 */
export class Mt5OrderReader {
  constructor(
    private readonly terminal: Mt5Terminal,
    private readonly ids: Mt5OrderIds,
    private readonly context: () => Mt5ViewContext,
    private readonly clock: Mt5ServerClock,
    private readonly lookbackMs: number,
  ) {}

  async order(ticket: string): Promise<BrokerOrder> {
    if (!MT5_TICKET.test(ticket)) throw notFound(ticket);
    const [live] = await this.terminal.orders({ ticket });
    if (live) return toBrokerOrder(live, await this.dealsOf(live), this.context());
    const [done] = await this.terminal.historyOrders({ ticket });
    if (!done) throw notFound(ticket);
    return toBrokerOrder(done, await this.dealsOf(done), this.context());
  }

  async openOrders(): Promise<BrokerOrder[]> {
    const orders = await this.terminal.orders();
    return orders.map((order) => toBrokerOrder(order, [], this.context()));
  }

  /** Edgerunner's own map first; then the comment the order was sent with, live or in recent history. */
  async byClientOrderId(clientOrderId: string): Promise<BrokerOrder | null> {
    const known = this.ids.byClientOrderId(clientOrderId);
    if (known) return this.order(known.ticket);
    const comment = commentFor(clientOrderId);
    const live = (await this.terminal.orders()).find((order) => order.comment === comment);
    const found =
      live ??
      (await this.terminal.historyOrders(this.range(Date.now() - this.lookbackMs)))
        .filter((order) => order.comment === comment)
        .at(-1);
    if (!found) return null;
    const order = toBrokerOrder(found, await this.dealsOf(found), this.context());
    this.ids.remember({
      clientOrderId,
      ticket: found.ticket,
      timeInForce: order.timeInForce,
      createdAt: order.createdAt,
    });
    // Read before it was remembered: the id it answers to is the one asked for, whatever its comment holds.
    return { ...order, clientOrderId };
  }

  /** Executions at or after `since`, oldest first. */
  async fills(since: Date): Promise<Fill[]> {
    const deals = await this.executionsSince(since.getTime());
    return deals.map((deal) => toFill(deal, deal.comment, this.context()));
  }

  /** Buy and sell deals stamped at or after `sinceUtcMs`, oldest first (ties by ticket). */
  async executionsSince(sinceUtcMs: number): Promise<TradeDeal[]> {
    const deals = await this.terminal.historyDeals(this.range(sinceUtcMs));
    return deals
      .filter((deal) => isExecution(deal) && this.clock.toUtcMs(deal.time_msc) >= sinceUtcMs)
      .sort((a, b) => a.time_msc - b.time_msc || compareTickets(a.ticket, b.ticket));
  }

  /** A server-time range from `fromUtcMs` to a day past now, in whole seconds. */
  range(fromUtcMs: number): HistoryQuery {
    return {
      date_from: Math.floor(this.clock.toServerMs(fromUtcMs) / 1000),
      date_to: Math.ceil((this.clock.toServerMs(Date.now()) + DAY_MS) / 1000),
    };
  }

  private async dealsOf(order: TradeOrder): Promise<TradeDeal[]> {
    if (order.position_id === '0' || dec(order.volume_initial).eq(order.volume_current)) return [];
    const deals = await this.terminal.historyDeals({ position: order.position_id });
    return deals.filter((deal) => deal.order === order.ticket);
  }
}

function notFound(ticket: string): OrderNotFoundError {
  return new OrderNotFoundError(`MT5 has no order ${ticket}`, { broker: 'mt5' });
}

/** Tickets are 64-bit decimal strings: compared by length, then digit by digit. */
export function compareTickets(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
