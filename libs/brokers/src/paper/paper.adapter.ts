import { type Observable, Subject } from 'rxjs';
import { dec, isDecimal, toDecimalString } from '../decimal/index.js';
import {
  type AccountSummary,
  type BrokerCapabilities,
  type BrokerEvent,
  type BrokerOrder,
  type Candle,
  type ConnectionStatus,
  type Fill,
  type Instrument,
  type OrderAck,
  type OrderRequest,
  type Position,
  type Ticker,
  type Timeframe,
  timeframeToMs,
} from '../domain/index.js';
import { BrokerConnectionError, InvalidOrderError, UnknownSymbolError } from '../errors/index.js';
import { BrokerAdapter } from '../port/broker-adapter.js';
import { checkPaperConfig } from './check-paper-config.js';
import { FillHistory } from './ledger/fill-history.js';
import { ExecutionBooker } from './ledger/execution-booker.js';
import { MatchingEngine } from './matching/matching-engine.js';
import type { PaperAccountConfig, PaperInstrumentConfig } from './paper-config.js';
import { PAPER_CAPABILITIES } from './paper-capabilities.js';
import { PAPER_JOURNAL_VERSION, PaperJournal } from './journal/paper-journal.js';
import { PaperLedger } from './ledger/paper-ledger.js';
import { type PaperLogger, processWarningLogger } from './paper-logger.js';
import { PaperMarket } from './market/paper-market.js';
import { toBrokerOrder } from './matching/paper-order.js';
import { midPrice, type PaperQuote, toTicker } from './market/paper-quote.js';
import { JournalWriteError, PaperUnitOfWork } from './journal/paper-unit-of-work.js';
import { restorePaperState } from './journal/restore-paper-state.js';

/**
 * The embedded paper broker: a matching simulator over its own seeded price feed (or a replayed candle
 * file), with a margin ledger. With `tickIntervalMs` 0 the market only moves when {@link tick} or
 * {@link setQuote} is called, which makes it fully deterministic for tests.
 *
 * With `journalFile` set it keeps its own durable record, like a real broker: each operation's order
 * changes and executions are appended to the journal before its events are emitted or its call
 * resolves, and a new adapter on the same file resumes the account (orders, fills, ledger). Prices are
 * not journaled: the feed starts afresh, and restored orders first trade on its next quote.
 */
export class PaperAdapter extends BrokerAdapter {
  readonly kind = 'paper';
  readonly account: string;
  readonly capabilities: BrokerCapabilities = PAPER_CAPABILITIES;
  readonly events: Observable<BrokerEvent>;

  private readonly subject = new Subject<BrokerEvent>();
  private connection: ConnectionStatus = 'down';
  private timer: NodeJS.Timeout | null = null;
  private readonly instruments: ReadonlyMap<string, PaperInstrumentConfig>;
  private readonly market: PaperMarket;
  private readonly ledger: PaperLedger;
  private readonly engine: MatchingEngine;
  private readonly fills = new FillHistory();
  private readonly unit: PaperUnitOfWork;
  /** Set once the journal could not be written: the account then refuses to trade until restarted. */
  private journalFailure: string | null = null;

  /**
   * @param config the account, its cash, fees and instruments; checked here (a plain Error on a bad one).
   * @param clock epoch milliseconds; tests inject a fake clock to drive `day` expiry and timestamps.
   * @param logger hears a torn journal line dropped at restore, or a journal that failed to write.
   * @throws Error when the journal is corrupt (not just torn at the end) or names an unconfigured symbol.
   */
  constructor(
    private readonly config: PaperAccountConfig,
    private readonly clock: () => number = () => Date.now(),
    private readonly logger: PaperLogger = processWarningLogger,
  ) {
    super();
    checkPaperConfig(config);
    this.account = config.account;
    this.events = this.subject.asObservable();
    this.instruments = new Map(config.instruments.map((instrument) => [instrument.symbol, instrument]));
    const now = clock();
    this.market = new PaperMarket(config, now);
    this.ledger = new PaperLedger(config.account, config.currency, dec(config.startingCash), {
      mark: (symbol) => midPrice(this.quoteOf(symbol)),
      leverage: (symbol) => dec(this.instrumentOf(symbol).leverage),
    });
    const journal = config.journalFile === undefined ? null : new PaperJournal(config.journalFile);
    const restored = journal
      ? restorePaperState(journal.file, (fill) => this.replayFill(fill), logger)
      : null;
    // Ids carry the run's start so that a restarted paper account never hands out an id twice; a run
    // starting in the same millisecond as the last journaled one (or under a clock set back) moves past it.
    const lastRunMs = restored?.lastRunMs ?? null;
    const runMs = lastRunMs === null ? now : Math.max(now, lastRunMs + 1);
    const runId = runMs.toString(36);
    this.unit = new PaperUnitOfWork(journal, (event) => this.subject.next(event));
    const emit = (event: BrokerEvent): void => this.unit.emit(event);
    this.engine = new MatchingEngine({
      account: config.account,
      slippageBps: config.slippageBps,
      capabilities: this.capabilities,
      ledger: this.ledger,
      executions: new ExecutionBooker({
        account: config.account,
        currency: config.currency,
        makerFeeBps: config.makerFeeBps,
        takerFeeBps: config.takerFeeBps,
        instrumentFees: (symbol) => this.instrumentOf(symbol),
        idPrefix: `P-${config.account}-${runId}`,
        ledger: this.ledger,
        history: this.market.history,
        emit,
        booked: (fill) => {
          this.fills.add(fill);
          this.unit.fillBooked(fill);
        },
      }),
      instrument: (symbol) => this.instrumentOf(symbol),
      quote: (symbol) => this.quoteOf(symbol),
      clock,
      emit,
      changed: (order) => this.unit.orderChanged(order),
      idPrefix: `PO-${config.account}-${runId}`,
    });
    for (const quote of this.market.quotes()) this.engine.onQuote(quote);
    if (restored) {
      for (const order of restored.orders) this.requireJournaledSymbol(order.symbol);
      this.engine.restore(restored.orders);
    }
    journal?.append([
      {
        type: 'run',
        version: PAPER_JOURNAL_VERSION,
        account: config.account,
        runId,
        startedAt: new Date(runMs).toISOString(),
      },
    ]);
  }

  get status(): ConnectionStatus {
    return this.connection;
  }

  /** Starts the tick timer (none when `tickIntervalMs` is 0). */
  async connect(): Promise<void> {
    if (this.connection === 'connected') return;
    if (this.journalFailure !== null) {
      throw new BrokerConnectionError(`paper account ${this.account}: ${this.journalFailure}`, {
        broker: 'paper',
      });
    }
    if (this.config.tickIntervalMs > 0) {
      this.timer = setInterval(() => this.tickOnTimer(), this.config.tickIntervalMs);
      // The simulator must never keep a process (or a test run) alive on its own.
      this.timer.unref();
    }
    this.setConnection('connected');
    return Promise.resolve();
  }

  async disconnect(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.connection !== 'down') this.setConnection('down', 'disconnected by the client');
    return Promise.resolve();
  }

  /**
   * Accepts an order (status `submitted`, or further along if it traded at once against the current
   * quote: the ack carries the status after that first match). Refusals throw and record nothing.
   */
  async placeOrder(request: OrderRequest): Promise<OrderAck> {
    this.requireConnected();
    const order = this.transact(() => this.engine.place(request));
    return Promise.resolve({
      brokerOrderId: order.brokerOrderId,
      clientOrderId: order.clientOrderId,
      status: order.status,
      receivedAt: new Date(order.createdMs).toISOString(),
    });
  }

  async cancelOrder(brokerOrderId: string): Promise<BrokerOrder> {
    this.requireConnected();
    return Promise.resolve(toBrokerOrder(this.transact(() => this.engine.cancel(brokerOrderId))));
  }

  async getOrder(brokerOrderId: string): Promise<BrokerOrder> {
    this.requireConnected();
    return Promise.resolve(toBrokerOrder(this.engine.get(brokerOrderId)));
  }

  async getOpenOrders(): Promise<BrokerOrder[]> {
    this.requireConnected();
    return Promise.resolve(this.engine.open().map(toBrokerOrder));
  }

  /** Retained orders only: the oldest final orders are forgotten beyond 50 000 (see OrderStore). */
  async findOrderByClientOrderId(clientOrderId: string): Promise<BrokerOrder | null> {
    this.requireConnected();
    const order = this.engine.findByClientOrderId(clientOrderId);
    return Promise.resolve(order ? toBrokerOrder(order) : null);
  }

  /** From the last 200 000 executions at least (see FillHistory), restored from the journal if any. */
  async getFills(since: Date): Promise<Fill[]> {
    this.requireConnected();
    if (Number.isNaN(since.getTime()))
      throw new InvalidOrderError('since must be a valid date', { broker: 'paper' });
    return Promise.resolve(this.fills.since(since.getTime()));
  }

  /** Open (non-zero) positions; a closed position's realized PnL stays in the account summary. */
  async getPositions(): Promise<Position[]> {
    this.requireConnected();
    return Promise.resolve(this.ledger.openPositions(this.clock()));
  }

  async getAccountSummary(): Promise<AccountSummary> {
    this.requireConnected();
    return Promise.resolve(this.ledger.summary(this.clock()));
  }

  /** Bars of any `<n>m|h|d|w` timeframe, aligned to UTC epoch multiples, opening within [from, to]. */
  async getCandles(symbol: string, timeframe: Timeframe, from: Date, to: Date): Promise<Candle[]> {
    this.requireConnected();
    this.instrumentOf(symbol);
    const timeframeMs = timeframeToMs(timeframe);
    if (timeframeMs === null)
      throw new InvalidOrderError(`timeframe "${timeframe}" is not <n>m|h|d|w`, { broker: 'paper' });
    if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) {
      throw new InvalidOrderError('from and to must be valid dates', { broker: 'paper' });
    }
    return Promise.resolve(this.market.candles(symbol, timeframeMs, from.getTime(), to.getTime()));
  }

  async getTicker(symbol: string): Promise<Ticker> {
    this.requireConnected();
    return Promise.resolve(toTicker(this.quoteOf(symbol)));
  }

  /** Works while disconnected: the rules come from config. */
  async getInstrument(symbol: string): Promise<Instrument> {
    return Promise.resolve(toInstrument(this.instrumentOf(symbol)));
  }

  /** Works while disconnected: the rules come from config. */
  async listInstruments(): Promise<Instrument[]> {
    return Promise.resolve(this.config.instruments.map(toInstrument));
  }

  /**
   * Simulator control: moves every symbol one quote, synchronously, stamped with the clock; `day` orders
   * past their UTC midnight expire first. This is what the timer calls every `tickIntervalMs`.
   */
  tick(): void {
    this.transact(() => {
      const now = this.clock();
      this.engine.expireDayOrders(now);
      for (const quote of this.market.advance(now)) this.publishQuote(quote);
    });
  }

  /** Simulator control: {@link tick} `count` times. */
  advance(count = 1): void {
    for (let i = 0; i < count; i++) this.tick();
  }

  /**
   * Simulator control, for deterministic tests: sets the quote of `symbol` (bid < ask, on the tick grid)
   * and matches open orders against it, like a tick of that symbol alone. Throws UnknownSymbolError, or
   * RangeError for an impossible quote.
   */
  setQuote(symbol: string, bid: string, ask: string): void {
    this.instrumentOf(symbol);
    if (!isDecimal(bid) || !isDecimal(ask))
      throw new RangeError(`bid and ask must be decimals, got ${bid} / ${ask}`);
    this.transact(() => {
      const now = this.clock();
      this.engine.expireDayOrders(now);
      this.publishQuote(this.market.set(symbol, dec(bid), dec(ask), now));
    });
  }

  /**
   * Simulator control: sets the quantity quoted at the bid and at the ask of `symbol`, for this quote
   * and every later one, and republishes the current prices with it (resting orders match against the
   * new size at once). A small depth makes big orders fill partially, tick by tick. Throws
   * UnknownSymbolError, or RangeError for a depth that is not a positive decimal.
   */
  setDepth(symbol: string, depth: string): void {
    this.instrumentOf(symbol);
    if (!isDecimal(depth) || dec(depth).lte(0))
      throw new RangeError(`depth must be a positive decimal, got ${depth}`);
    this.transact(() => {
      const now = this.clock();
      this.engine.expireDayOrders(now);
      this.publishQuote(this.market.setDepth(symbol, dec(depth), now));
    });
  }

  private publishQuote(quote: PaperQuote): void {
    this.unit.emit({ type: 'tick', account: this.account, ticker: toTicker(quote) });
    this.engine.onQuote(quote);
  }

  /**
   * Runs a broker operation as one journaled commit. A journal that cannot be written ends trading on
   * this account (status down, connect refused): its memory would otherwise drift from its record.
   */
  private transact<T>(operation: () => T): T {
    try {
      return this.unit.run(operation);
    } catch (error) {
      if (!(error instanceof JournalWriteError)) throw error;
      this.journalFailure = error.message;
      this.logger('error', `${error.message}; paper account ${this.account} stops until restarted`);
      if (this.timer) clearInterval(this.timer);
      this.timer = null;
      this.setConnection('down', error.message);
      throw new BrokerConnectionError(`paper account ${this.account}: ${error.message}`, {
        broker: 'paper',
      });
    }
  }

  private tickOnTimer(): void {
    try {
      this.tick();
    } catch (error) {
      // A journal failure has already stopped the timer and been logged; anything else is a bug.
      if (!(error instanceof BrokerConnectionError)) throw error;
    }
  }

  /** Books a journaled execution again: the ledger and the fill history rebuild from them. */
  private replayFill(fill: Fill): void {
    this.requireJournaledSymbol(fill.symbol);
    this.ledger.applyFill(
      fill.symbol,
      fill.side,
      dec(fill.quantity),
      dec(fill.price),
      dec(fill.fee),
      Date.parse(fill.executedAt),
    );
    this.fills.add(fill);
  }

  /** A journal naming a symbol no longer configured cannot be valued or traded: refuse to start. */
  private requireJournaledSymbol(symbol: string): void {
    if (!this.instruments.has(symbol)) {
      throw new Error(
        `paper account ${this.account}: the journal holds ${symbol}, which is not configured; ` +
          'add the instrument back or start a new journal',
      );
    }
  }

  private setConnection(status: ConnectionStatus, reason?: string): void {
    this.connection = status;
    this.subject.next({ type: 'connection', account: this.account, status, ...(reason ? { reason } : {}) });
  }

  private requireConnected(): void {
    if (this.connection !== 'connected') {
      throw new BrokerConnectionError(`paper account ${this.account} is not connected`, { broker: 'paper' });
    }
  }

  private instrumentOf(symbol: string): PaperInstrumentConfig {
    const instrument = this.instruments.get(symbol);
    if (!instrument) throw new UnknownSymbolError(`unknown symbol ${symbol}`, { broker: 'paper' });
    return instrument;
  }

  private quoteOf(symbol: string): PaperQuote {
    const quote = this.market.quote(symbol);
    if (!quote) throw new UnknownSymbolError(`unknown symbol ${symbol}`, { broker: 'paper' });
    return quote;
  }
}

function toInstrument(config: PaperInstrumentConfig): Instrument {
  return {
    symbol: config.symbol,
    assetClass: config.assetClass,
    quoteCurrency: config.quoteCurrency,
    tickSize: toDecimalString(config.tickSize),
    lotSize: toDecimalString(config.lotSize),
    minQuantity: toDecimalString(config.minQuantity),
  };
}
