import { Subject, type Observable } from 'rxjs';
import type {
  AccountSummary,
  BrokerEvent,
  BrokerOrder,
  Candle,
  ConnectionStatus,
  Fill,
  Instrument,
  OrderAck,
  OrderRequest,
  Position,
  Ticker,
  Timeframe,
} from '../domain/index.js';
import { BrokerConnectionError, InvalidOrderError, OrderNotFoundError } from '../errors/index.js';
import { BrokerAdapter } from '../port/broker-adapter.js';
import type { VenueLogger } from '../port/broker-venue.js';
import type { TickEvent, TradeTransaction } from './bridge/bridge-commands.js';
import { Mt5OrderIds } from './mt5-client-order-ids.js';
import { Mt5AccountReader } from './mt5-account-reader.js';
import type { Mt5ExpertRequest, Mt5RunningExpert } from './mt5-experts.js';
import {
  HEARTBEAT_INTERVAL_MS,
  MISSED_HEARTBEATS,
  type EventMessage,
  type HelloMessage,
} from './bridge/bridge-protocol.js';
import { Mt5BridgeListener } from './mt5-bridge-listener.js';
import { MT5_CAPABILITIES } from './mt5-capabilities.js';
import type { Mt5Config } from './mt5-config.js';
import { MT5_TICKET, Mt5OrderReader } from './mt5-order-reader.js';
import { Mt5OrderSender } from './mt5-order-sender.js';
import { type Mt5ViewContext } from './mt5-order-views.js';
import { Mt5ServerClock } from './mt5-server-clock.js';
import { Mt5Terminal } from './mt5-terminal.js';
import { Mt5TradeEvents } from './mt5-trade-events.js';
import { toCandle, toInstrument, toTicker } from './mt5-market-views.js';
import { toMt5Timeframe } from './mt5-timeframes.js';

const BROKER = 'mt5';
/** Deals stamped up to this long before the last one seen are re-read after a reconnect: clocks and ties. */
const RECOVERY_OVERLAP_MS = 60_000;

/**
 * MetaTrader 5 through the bridge EA in the user's terminal: Edgerunner listens, the EA dials in and says
 * hello with the account's token. connect() waits for that hello; while the terminal is away the account
 * is `down` and every call is refused, and when it dials back in the deals made meanwhile are replayed.
 */
export class Mt5Adapter extends BrokerAdapter {
  readonly kind = BROKER;
  readonly account: string;
  readonly capabilities = MT5_CAPABILITIES;
  private readonly subject = new Subject<BrokerEvent>();
  readonly events: Observable<BrokerEvent> = this.subject.asObservable();
  private readonly clock: Mt5ServerClock;
  private readonly listener: Mt5BridgeListener;
  private readonly terminal: Mt5Terminal;
  private readonly ids = new Mt5OrderIds();
  private readonly reader: Mt5OrderReader;
  private readonly trades: Mt5TradeEvents;
  private readonly accounts: Mt5AccountReader;
  private readonly sender: Mt5OrderSender;
  private hello: HelloMessage | undefined;
  private currentStatus: ConnectionStatus = 'down';
  private lostAtMs: number | undefined;

  constructor(
    private readonly config: Mt5Config,
    private readonly log: VenueLogger,
    heartbeatIntervalMs?: number,
  ) {
    super();
    this.account = config.account;
    this.clock = new Mt5ServerClock(config.serverClock);
    this.listener = new Mt5BridgeListener({
      host: config.host,
      port: config.port,
      token: config.token,
      requestTimeoutMs: config.requestTimeoutMs,
      ...(heartbeatIntervalMs ? { heartbeatIntervalMs } : {}),
      log,
      onReady: (_session, hello, replaced) => this.onReady(hello, replaced),
      onEvent: (event) => this.onEvent(event),
      onLost: (reason) => this.setStatus('down', `the MT5 terminal went away: ${reason}`),
    });
    this.terminal = new Mt5Terminal(() => this.listener.session);
    const context = (): Mt5ViewContext => this.viewContext();
    this.reader = new Mt5OrderReader(this.terminal, this.ids, context, this.clock, config.historyLookbackMs);
    this.accounts = new Mt5AccountReader(
      this.account,
      this.terminal,
      this.reader,
      this.clock,
      config.symbols,
    );
    this.sender = new Mt5OrderSender(
      this.terminal,
      this.accounts,
      this.reader,
      this.ids,
      config,
      () => this.hello?.marginMode === 'hedging',
    );
    this.trades = new Mt5TradeEvents({
      account: this.account,
      terminal: this.terminal,
      orders: this.reader,
      context,
      accounts: this.accounts,
      emit: (event) => this.subject.next(event),
      log,
    });
  }

  get status(): ConnectionStatus {
    return this.currentStatus;
  }

  /** The port the EA dials, once connect() has started listening (the configured one unless it was 0). */
  get listeningPort(): number | undefined {
    return this.listener.listeningPort;
  }

  async connect(): Promise<void> {
    if (this.listener.session) return;
    this.setStatus('connecting');
    await this.listener.start();
    const arrived = await this.listener.nextSession(this.config.connectTimeoutMs);
    if (arrived) return;
    const reason = `no MT5 terminal dialled in to port ${this.listener.listeningPort} within ${this.config.connectTimeoutMs} ms`;
    // The listener stays up: the EA may dial in any time, and its hello connects the account.
    this.setStatus('down', reason);
    throw new BrokerConnectionError(reason, { broker: BROKER });
  }

  async disconnect(): Promise<void> {
    await this.listener.stop();
    this.setStatus('down', 'disconnected');
  }

  placeOrder(request: OrderRequest): Promise<OrderAck> {
    return this.sender.place(request);
  }

  cancelOrder(brokerOrderId: string): Promise<BrokerOrder> {
    return this.sender.cancel(brokerOrderId);
  }

  getOrder(brokerOrderId: string): Promise<BrokerOrder> {
    return this.reader.order(brokerOrderId);
  }

  getOpenOrders(): Promise<BrokerOrder[]> {
    return this.reader.openOrders();
  }

  findOrderByClientOrderId(clientOrderId: string): Promise<BrokerOrder | null> {
    return this.reader.byClientOrderId(clientOrderId);
  }

  getFills(since: Date): Promise<Fill[]> {
    return this.reader.fills(since);
  }

  getPositions(): Promise<Position[]> {
    return this.accounts.positions();
  }

  getAccountSummary(): Promise<AccountSummary> {
    return this.accounts.summary();
  }

  async getCandles(symbol: string, timeframe: Timeframe, from: Date, to: Date): Promise<Candle[]> {
    const mt5Timeframe = toMt5Timeframe(timeframe);
    if (mt5Timeframe === undefined)
      throw new InvalidOrderError(`MT5 has no ${timeframe} bars`, { broker: BROKER });
    const rates = await this.terminal.rates(
      symbol,
      mt5Timeframe,
      Math.floor(this.clock.toServerMs(from.getTime()) / 1000),
      Math.floor(this.clock.toServerMs(to.getTime()) / 1000),
    );
    return rates
      .map((rate) => toCandle(rate, this.clock))
      .filter((candle) => {
        const openMs = Date.parse(candle.openTime);
        return openMs >= from.getTime() && openMs <= to.getTime();
      });
  }

  async getTicker(symbol: string): Promise<Ticker> {
    return toTicker(symbol, await this.terminal.tick(symbol), this.clock);
  }

  async getInstrument(symbol: string): Promise<Instrument> {
    return toInstrument(await this.accounts.symbolInfo(symbol));
  }

  listInstruments(): Promise<Instrument[]> {
    return this.accounts.instruments();
  }

  /**
   * MT5's run_ea: `expert` (compiled in the terminal's MQL5\\Experts) on a new chart of `symbol`, once the
   * terminal shows it running there. It trades outside Edgerunner's risk checks, with at most the bridge's
   * own permission.
   */
  async runEa(request: Mt5ExpertRequest): Promise<Mt5RunningExpert> {
    const timeframe = toMt5Timeframe(request.timeframe);
    if (timeframe === undefined)
      throw new InvalidOrderError(`MT5 has no ${request.timeframe} charts`, { broker: BROKER });
    await this.accounts.symbolInfo(request.symbol);
    const result = await this.terminal.runEa(request.symbol, timeframe, request.expert, request.inputs ?? {});
    return {
      chartId: result.chart_id,
      expert: result.expert,
      symbol: request.symbol,
      timeframe: request.timeframe,
    };
  }

  /** MT5's stop_ea: closes the chart run_ea opened, and the expert on it with it. */
  async stopEa(chartId: string): Promise<void> {
    if (!MT5_TICKET.test(chartId))
      throw new OrderNotFoundError(`MT5 has no chart ${chartId}`, { broker: BROKER });
    await this.terminal.stopEa(chartId);
  }

  private onReady(hello: HelloMessage, replaced: boolean): void {
    this.hello = hello;
    // A terminal back before its old connection was seen to drop: what it sent meanwhile went to a dead
    // socket, for at most the heartbeats that would have dropped it.
    if (replaced && this.lostAtMs === undefined)
      this.lostAtMs = Date.now() - HEARTBEAT_INTERVAL_MS * MISSED_HEARTBEATS;
    const mismatch = this.clock.disagreement(hello.serverOffsetSeconds, Date.now());
    if (mismatch) this.log('warn', `MT5 server clock: ${mismatch}; check serverZone and serverShiftHours`);
    this.accounts.forgetSymbols();
    this.setStatus('connected');
    void this.afterReady();
  }

  /**
   * Ticks for the offered symbols (the configured ones, else Market Watch's, which the user chose to watch)
   * and, after a gap, the deals made while the terminal was away.
   */
  private async afterReady(): Promise<void> {
    try {
      const offered = (await this.accounts.instruments()).map((instrument) => instrument.symbol);
      await this.terminal.subscribeTicks(offered);
      if (this.lostAtMs === undefined) return;
      const since = this.lostAtMs - RECOVERY_OVERLAP_MS;
      this.lostAtMs = undefined;
      const recovered = await this.trades.recover(since, this.trades.openTickets());
      this.log('log', `MT5 terminal back: ${recovered} deal(s) made while it was away recovered`);
    } catch (error) {
      this.log('warn', `MT5 terminal back, but catching up failed: ${(error as Error).message}`);
    }
  }

  private onEvent(event: EventMessage): void {
    if (event.event === 'trade_transaction')
      this.trades.onTransaction(event.data as unknown as TradeTransaction);
    else if (event.event === 'tick') {
      const tick = event.data as unknown as TickEvent;
      this.subject.next({
        type: 'tick',
        account: this.account,
        ticker: toTicker(tick.symbol, tick, this.clock),
      });
    }
  }

  private setStatus(status: ConnectionStatus, reason?: string): void {
    if (status === 'down' && this.currentStatus === 'connected') this.lostAtMs = Date.now();
    if (status === this.currentStatus && status !== 'down') return;
    this.currentStatus = status;
    this.subject.next({ type: 'connection', account: this.account, status, ...(reason ? { reason } : {}) });
  }

  private viewContext(): Mt5ViewContext {
    const currency = this.hello?.currency ?? 'USD';
    return {
      clock: this.clock,
      currency,
      clientOrderIdOf: (ticket, comment) => this.ids.clientOrderIdOf(ticket, comment),
      timeInForceOf: (ticket) => this.ids.byTicketOf(ticket)?.timeInForce,
    };
  }
}
