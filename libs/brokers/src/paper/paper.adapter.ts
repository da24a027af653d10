import { type Observable, Subject } from 'rxjs';
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
import { InvalidOrderError } from '../errors/index.js';
import { BrokerAdapter } from '../port/broker-adapter.js';
import { toTicker } from './market/paper-quote.js';
import { toBrokerOrder } from './matching/paper-order.js';
import { checkPaperConfig } from './check-paper-config.js';
import { PAPER_CAPABILITIES } from './paper-capabilities.js';
import type { PaperAccountConfig } from './paper-config.js';
import { PaperConnection } from './paper-connection.js';
import { toInstrument } from './paper-instruments.js';
import { type PaperLogger, processWarningLogger } from './paper-logger.js';
import { PaperMarketControls } from './paper-market-controls.js';
import { buildPaperAccount, type PaperAccountParts } from './build-paper-account.js';

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
  private readonly parts: PaperAccountParts;
  private readonly connection: PaperConnection;
  private readonly controls: PaperMarketControls;

  /**
   * @param config the account, its cash, fees and instruments; checked here (a plain Error on a bad one).
   * @param clock epoch milliseconds; tests inject a fake clock to drive `day` expiry and timestamps.
   * @param logger hears a torn journal line dropped at restore, or a journal that failed to write.
   * @throws Error when the journal is corrupt (not just torn at the end) or names an unconfigured symbol.
   */
  constructor(
    private readonly config: PaperAccountConfig,
    private readonly clock: () => number = () => Date.now(),
    logger: PaperLogger = processWarningLogger,
  ) {
    super();
    checkPaperConfig(config);
    this.account = config.account;
    this.events = this.subject.asObservable();
    const deliver = (event: BrokerEvent): void => this.subject.next(event);
    this.parts = buildPaperAccount(config, clock, logger, deliver);
    this.connection = new PaperConnection(config.account, this.parts.unit, logger, deliver);
    this.controls = new PaperMarketControls(config.account, this.parts, this.connection, clock);
  }

  get status(): ConnectionStatus {
    return this.connection.status;
  }

  /** Starts the tick timer (none when `tickIntervalMs` is 0). */
  async connect(): Promise<void> {
    this.connection.open(this.config.tickIntervalMs, () => this.controls.tick());
    return Promise.resolve();
  }

  async disconnect(): Promise<void> {
    this.connection.close();
    return Promise.resolve();
  }

  /**
   * Accepts an order (status `submitted`, or further along if it traded at once against the current
   * quote: the ack carries the status after that first match). Refusals throw and record nothing.
   */
  async placeOrder(request: OrderRequest): Promise<OrderAck> {
    this.connection.require();
    const order = await this.connection.transactDurably(() => this.parts.engine.place(request));
    return Promise.resolve({
      brokerOrderId: order.brokerOrderId,
      clientOrderId: order.clientOrderId,
      status: order.status,
      receivedAt: new Date(order.createdMs).toISOString(),
    });
  }

  async cancelOrder(brokerOrderId: string): Promise<BrokerOrder> {
    this.connection.require();
    const order = await this.connection.transactDurably(() => this.parts.engine.cancel(brokerOrderId));
    return Promise.resolve(toBrokerOrder(order));
  }

  async getOrder(brokerOrderId: string): Promise<BrokerOrder> {
    this.connection.require();
    return Promise.resolve(toBrokerOrder(this.parts.engine.get(brokerOrderId)));
  }

  async getOpenOrders(): Promise<BrokerOrder[]> {
    this.connection.require();
    return Promise.resolve(this.parts.engine.open().map(toBrokerOrder));
  }

  /** Retained orders only: the oldest final orders are forgotten beyond 50 000 (see OrderStore). */
  async findOrderByClientOrderId(clientOrderId: string): Promise<BrokerOrder | null> {
    this.connection.require();
    const order = this.parts.engine.findByClientOrderId(clientOrderId);
    return Promise.resolve(order ? toBrokerOrder(order) : null);
  }

  /** From the last 200 000 executions at least (see FillHistory), restored from the journal if any. */
  async getFills(since: Date): Promise<Fill[]> {
    this.connection.require();
    if (Number.isNaN(since.getTime()))
      throw new InvalidOrderError('since must be a valid date', { broker: 'paper' });
    return Promise.resolve(this.parts.fills.since(since.getTime()));
  }

  /** Open (non-zero) positions; a closed position's realized PnL stays in the account summary. */
  async getPositions(): Promise<Position[]> {
    this.connection.require();
    return Promise.resolve(this.parts.ledger.openPositions(this.clock()));
  }

  async getAccountSummary(): Promise<AccountSummary> {
    this.connection.require();
    return Promise.resolve(this.parts.ledger.summary(this.clock()));
  }

  /** Bars of any `<n>m|h|d|w` timeframe, aligned to UTC epoch multiples, opening within [from, to]. */
  async getCandles(symbol: string, timeframe: Timeframe, from: Date, to: Date): Promise<Candle[]> {
    this.connection.require();
    this.parts.instruments.get(symbol);
    const timeframeMs = timeframeToMs(timeframe);
    if (timeframeMs === null)
      throw new InvalidOrderError(`timeframe "${timeframe}" is not <n>m|h|d|w`, { broker: 'paper' });
    if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) {
      throw new InvalidOrderError('from and to must be valid dates', { broker: 'paper' });
    }
    return Promise.resolve(this.parts.market.candles(symbol, timeframeMs, from.getTime(), to.getTime()));
  }

  async getTicker(symbol: string): Promise<Ticker> {
    this.connection.require();
    return Promise.resolve(toTicker(this.parts.quoteOf(symbol)));
  }

  /** Works while disconnected: the rules come from config. */
  async getInstrument(symbol: string): Promise<Instrument> {
    return Promise.resolve(toInstrument(this.parts.instruments.get(symbol)));
  }

  /** Works while disconnected: the rules come from config. */
  async listInstruments(): Promise<Instrument[]> {
    return Promise.resolve(this.parts.instruments.list());
  }

  /**
   * Simulator control: moves every symbol one quote, synchronously, stamped with the clock; `day` orders
   * past their UTC midnight expire first. This is what the timer calls every `tickIntervalMs`.
   */
  tick(): void {
    this.controls.tick();
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
    this.controls.setQuote(symbol, bid, ask);
  }

  /**
   * Simulator control: sets the quantity quoted at the bid and at the ask of `symbol`, for this quote
   * and every later one, and republishes the current prices with it (resting orders match against the
   * new size at once). A small depth makes big orders fill partially, tick by tick. Throws
   * UnknownSymbolError, or RangeError for a depth that is not a positive decimal.
   */
  setDepth(symbol: string, depth: string): void {
    this.controls.setDepth(symbol, depth);
  }
}
