import { SerialQueue } from '#async';
import type {
  TradeDeal,
  TradeOrder,
  TradePosition,
  TradeTransaction,
} from '#brokers/mt5/bridge/bridge-commands.js';
import type { RequestMessage } from '#brokers/mt5/bridge/bridge-protocol.js';
import { Mt5BridgeLink, type Mt5LinkHost } from './bridge/mt5-bridge-link.js';
import { Mt5CommandRouter } from './bridge/mt5-command-router.js';
import { dialUntilWelcomed } from './bridge/mt5-dial-retry.js';
import { helloOf } from './bridge/mt5-hello.js';
import { Mt5Market } from './market/mt5-market.js';
import { tickView } from './market/mt5-symbol-views.js';
import { Mt5ServerTime } from './mt5-server-time.js';
import type { Mt5SimulatorConfig } from './mt5-simulator-config.js';
import { defaultMt5SimulatorConfig } from './mt5-simulator-defaults.js';
import { Mt5Book } from './trading/mt5-book.js';
import { Mt5OrderDesk } from './trading/mt5-order-desk.js';
import { Mt5Tickets } from './trading/mt5-tickets.js';
import type { Mt5TradeContext } from './trading/mt5-trade-context.js';
import { Mt5TransactionOrder } from './trading/mt5-transactions.js';
import { runTriggers } from './trading/mt5-triggers.js';
import { dealView, orderView, positionView } from './trading/mt5-views.js';

export interface Mt5DialTarget {
  readonly host: string;
  readonly port: number;
  readonly token: string;
}

/**
 * A MetaTrader 5 terminal with Edgerunner's bridge EA in it, for tests and demos: it dials in to the
 * bridge server, says hello, answers every command as the terminal would (MT5's checks and retcodes,
 * netting or hedging positions, server wall-clock times) and pushes trade_transaction and tick events.
 * The trade server keeps working while the bridge is disconnected: pending orders and SL/TP still fire.
 *
 * ```ts
 * const terminal = new Mt5TerminalSimulator({ marginMode: 'netting' });
 * await terminal.connect({ host: '127.0.0.1', port, token });
 * ```
 */
export class Mt5TerminalSimulator implements Mt5LinkHost {
  readonly config: Mt5SimulatorConfig;
  /** Every request the bridge got, in arrival order, over every connection. */
  readonly received: RequestMessage[] = [];
  private readonly time: Mt5ServerTime;
  private readonly market: Mt5Market;
  private readonly context: Mt5TradeContext;
  private readonly desk: Mt5OrderDesk;
  private readonly router: Mt5CommandRouter;
  private readonly queue = new SerialQueue();
  private readonly outbox: TradeTransaction[] = [];
  private started: Promise<void> | undefined;
  private link: Mt5BridgeLink | undefined;
  private target: Mt5DialTarget | undefined;
  private holding = false;
  private dropBeforeResponse = false;
  private timer: NodeJS.Timeout | undefined;

  /** @param overrides replace whole fields of {@link defaultMt5SimulatorConfig}. */
  constructor(overrides: Partial<Mt5SimulatorConfig> = {}) {
    this.config = { ...defaultMt5SimulatorConfig(), ...overrides };
    this.time = new Mt5ServerTime(this.config.serverClock);
    this.market = new Mt5Market(this.config, this.time);
    const tickets = new Mt5Tickets();
    const now = this.config.clock;
    const book = new Mt5Book(
      this.config.marginMode === 'netting',
      this.config.currency,
      tickets,
      this.config.balance,
      now(),
    );
    this.context = {
      config: this.config,
      market: this.market,
      time: this.time,
      book,
      tickets,
      variants: new Mt5TransactionOrder(this.config.seed),
      now,
      emit: (transaction) => this.outbox.push(transaction),
    };
    this.desk = new Mt5OrderDesk(this.context);
    this.router = new Mt5CommandRouter(this.context, this.desk);
  }

  get login(): string {
    return this.config.login;
  }

  /** Dials in and says hello; resolves once welcomed, rejects with the reason when refused. */
  async connect(target: Mt5DialTarget): Promise<void> {
    await this.start();
    this.link?.close();
    this.target = target;
    const link = new Mt5BridgeLink(
      target,
      helloOf(this.config, this.time, target.token),
      this,
      this.config.heartbeatIntervalMs,
    );
    this.link = link;
    this.router.newSession(link);
    await link.ready;
  }

  /**
   * Dials again and again (capped back-off) until Edgerunner listens and welcomes the hello, as the EA
   * does after the terminal starts first; rejects at once on `refused`, or after `timeoutMs`.
   */
  connectWhenListening(target: Mt5DialTarget, timeoutMs: number): Promise<void> {
    return dialUntilWelcomed(() => this.connect(target), timeoutMs);
  }

  /** The socket drops, as when the terminal loses its network; positions and orders stay on the server. */
  disconnect(): Promise<void> {
    this.link?.close();
    this.link = undefined;
    return this.queue.drained();
  }

  /** Dials the last target again and says hello again, as the EA does after a reconnect. */
  async reconnect(): Promise<void> {
    if (!this.target) throw new Error('reconnect() before connect()');
    await this.disconnect();
    await this.connect(this.target);
  }

  /** Disconnects for good and stops the price timer and feed. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.disconnect();
    await this.market.stop();
  }

  /** `steps` steps of the price walk; after each, the server's triggers run and subscribed ticks go out. */
  async advance(steps = 1): Promise<void> {
    await this.start();
    for (let i = 0; i < steps; i++)
      await this.queue.run(() => {
        this.market.step();
        this.afterQuotes(this.market.symbols().map((s) => s.name));
      });
  }

  /** Sets the bid (ask = bid + the symbol's spread), then runs the triggers like a tick of that symbol. */
  async movePrice(symbol: string, bid: string): Promise<void> {
    await this.start();
    await this.queue.run(() => {
      this.market.setBid(symbol, bid);
      this.afterQuotes([symbol]);
    });
  }

  /** The next market deal on an Instant-execution symbol is answered 10004 REQUOTE with new prices. */
  requoteNext(): void {
    this.desk.requoteNext();
  }

  /** The next order_send is answered with `retcode` (and `comment`, else the server's) and does nothing. */
  rejectNext(retcode: number, comment?: string): void {
    this.desk.rejectNext(retcode, comment);
  }

  /** trade_transaction events queue from now on, as OnTradeTransaction waits while OnTimer runs. */
  holdEvents(): void {
    this.holding = true;
  }

  /** Sends every held trade_transaction event, in order, and stops holding. */
  releaseEvents(): Promise<void> {
    return this.queue.run(() => {
      this.holding = false;
      this.flush();
    });
  }

  /**
   * The next request is carried out (an order_send trades) but the connection drops before its response
   * leaves, as when the terminal loses its network mid-request: only history tells what happened.
   */
  dropNextResponse(): void {
    this.dropBeforeResponse = true;
  }

  /** Forces the symbol's market open or closed (closed: 10018, no triggers, no ticks). */
  setMarketOpen(symbol: string, open: boolean): void {
    this.market.setOpen(symbol, open);
  }

  deals(): TradeDeal[] {
    return this.context.book.deals.map((d) => dealView(this.context, d));
  }

  positions(): TradePosition[] {
    return this.context.book.positions.map((p) => positionView(this.context, p));
  }

  /** Live pending orders. */
  orders(): TradeOrder[] {
    return [...this.context.book.pending.values()].map((o) => orderView(this.context, o));
  }

  /** The server wall clock now, in milliseconds (UTC shifted by the server-clock rule). */
  serverTimeMs(): number {
    return this.time.toServerMs(this.config.clock());
  }

  /** Resolves once every request received so far has been answered. */
  settled(): Promise<void> {
    return this.queue.drained();
  }

  request(link: Mt5BridgeLink, request: RequestMessage): void {
    this.received.push(request);
    void this.queue.run(async () => {
      const response = await this.router.answer(link, request);
      if (this.dropBeforeResponse) {
        this.dropBeforeResponse = false;
        link.close();
      } else link.send(response);
      this.flush();
    });
  }

  unreadable(request: RequestMessage): void {
    this.received.push(request);
  }

  closed(link: Mt5BridgeLink): void {
    if (this.link === link) this.link = undefined;
  }

  private start(): Promise<void> {
    this.started ??= this.market.start().then(() => {
      if (this.config.tickIntervalMs <= 0) return;
      this.timer = setInterval(() => void this.advance().catch(() => undefined), this.config.tickIntervalMs);
      this.timer.unref();
    });
    return this.started;
  }

  private afterQuotes(symbols: readonly string[]): void {
    runTriggers(this.context, symbols);
    const link = this.link;
    if (link?.open) {
      for (const name of this.router.subscriptions(link)) {
        if (!symbols.includes(name) || !this.market.isOpen(name, this.config.clock())) continue;
        const symbol = this.market.symbol(name);
        link.send({
          type: 'event',
          event: 'tick',
          data: { symbol: name, ...tickView(symbol, this.market.quote(name), this.time) },
        });
      }
    }
    this.flush();
  }

  /** Sends queued transactions unless held; with no connection the EA's OnTradeTransaction has nowhere to send them. */
  private flush(): void {
    if (this.holding) return;
    const transactions = this.outbox.splice(0);
    const link = this.link;
    if (!link?.open) return;
    for (const data of transactions)
      link.send({ type: 'event', event: 'trade_transaction', data: { ...data } });
  }
}
