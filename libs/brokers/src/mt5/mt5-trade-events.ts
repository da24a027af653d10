import { SerialQueue } from '#async';
import type { BrokerEvent, BrokerOrder } from '../domain/index.js';
import { isFinalStatus } from '../domain/index.js';
import type { VenueLogger } from '../port/broker-venue.js';
import type { TradeDeal, TradeTransaction } from './bridge/bridge-commands.js';
import type { Mt5AccountReader } from './mt5-account-reader.js';
import type { Mt5OrderReader } from './mt5-order-reader.js';
import { toFill, type Mt5ViewContext } from './mt5-order-views.js';
import type { Mt5Terminal } from './mt5-terminal.js';

/** What the events need from the adapter: its account's position and summary, read fresh. */
export interface Mt5EventSources {
  readonly account: string;
  readonly terminal: Mt5Terminal;
  readonly orders: Mt5OrderReader;
  readonly accounts: Pick<Mt5AccountReader, 'afterTrade'>;
  readonly context: () => Mt5ViewContext;
  readonly emit: (event: BrokerEvent) => void;
  readonly log: VenueLogger;
}

const ORDER_TRANSACTIONS = new Set([
  'TRADE_TRANSACTION_ORDER_ADD',
  'TRADE_TRANSACTION_ORDER_UPDATE',
  'TRADE_TRANSACTION_ORDER_DELETE',
  'TRADE_TRANSACTION_HISTORY_ADD',
  'TRADE_TRANSACTION_HISTORY_UPDATE',
]);
/** ORDER_TYPE_CLOSE_BY and beyond are not orders a caller placed. */
const LAST_TRADE_ORDER_TYPE = 7;

/**
 * OnTradeTransaction, as the port's events. Transactions arrive in no guaranteed order and may describe
 * an entity that has moved on, so each one only says what to re-read: a deal becomes a fill (once per
 * deal ticket, whenever it is seen), then its order, position and account as they stand; an order change
 * becomes the order as it stands, told only when its status or filled volume moved. One at a time, so
 * events keep the order the terminal's changes had.
 */
export class Mt5TradeEvents {
  private readonly queue = new SerialQueue();
  private readonly seenDeals = new Set<string>();
  private readonly told = new Map<string, string>();

  constructor(private readonly sources: Mt5EventSources) {}

  onTransaction(transaction: TradeTransaction): void {
    void this.queue
      .run(() => this.handle(transaction))
      .catch((error: unknown) => {
        // The reconnect's replay recovers what could not be read now.
        this.sources.log('warn', `MT5 ${transaction.type} could not be read: ${(error as Error).message}`);
      });
  }

  /** After the terminal comes back: every execution since `sinceUtcMs` not yet told, and every order still open. */
  recover(sinceUtcMs: number, openTickets: readonly string[]): Promise<number> {
    return this.queue.run(async () => {
      let recovered = 0;
      for (const deal of await this.sources.orders.executionsSince(sinceUtcMs)) {
        if (this.seenDeals.has(deal.ticket)) continue;
        recovered += 1;
        await this.tell(deal);
      }
      for (const ticket of openTickets) await this.tellOrder(ticket);
      return recovered;
    });
  }

  /** Orders told as not yet final: what a reconnect re-reads. */
  openTickets(): string[] {
    return [...this.told].filter(([, said]) => !said.startsWith('final')).map(([ticket]) => ticket);
  }

  /** A deal already reported (by its own order_send or by history) is not told again. */
  seen(dealTicket: string): boolean {
    return this.seenDeals.has(dealTicket);
  }

  private async handle(transaction: TradeTransaction): Promise<void> {
    if (transaction.type === 'TRADE_TRANSACTION_DEAL_ADD') return this.tellDeal(transaction.deal);
    if (ORDER_TRANSACTIONS.has(transaction.type) && transaction.order_type <= LAST_TRADE_ORDER_TYPE)
      return this.tellOrder(transaction.order);
    if (transaction.type === 'TRADE_TRANSACTION_POSITION')
      for (const event of await this.sources.accounts.afterTrade(transaction.symbol))
        this.sources.emit(event);
  }

  private async tellDeal(ticket: string): Promise<void> {
    if (this.seenDeals.has(ticket)) return;
    const [deal] = await this.sources.terminal.historyDeals({ ticket });
    if (deal) await this.tell(deal);
  }

  /** A deal as its fill, then its order, position and account as they stand after it. */
  private async tell(deal: TradeDeal): Promise<void> {
    if (deal.order === '0') return;
    this.seenDeals.add(deal.ticket);
    const { account } = this.sources;
    this.sources.emit({ type: 'fill', account, fill: toFill(deal, deal.comment, this.sources.context()) });
    await this.tellOrder(deal.order);
    for (const event of await this.sources.accounts.afterTrade(deal.symbol)) this.sources.emit(event);
  }

  private async tellOrder(ticket: string): Promise<void> {
    let order: BrokerOrder;
    try {
      order = await this.sources.orders.order(ticket);
    } catch (error) {
      this.sources.log('debug', `MT5 order ${ticket} not readable yet: ${(error as Error).message}`);
      return;
    }
    const said = `${isFinalStatus(order.status) ? 'final' : 'open'}:${order.status}:${order.filledQuantity}`;
    if (this.told.get(ticket) === said) return;
    this.told.set(ticket, said);
    this.sources.emit({ type: 'order', account: this.sources.account, order });
  }
}
