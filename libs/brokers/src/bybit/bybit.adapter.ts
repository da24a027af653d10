import { Subject, type Observable } from 'rxjs';
import type {
  AccountSummary,
  BrokerCapabilities,
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
import {
  BrokerConnectionError,
  BrokerError,
  InvalidOrderError,
  UnknownSymbolError,
} from '../errors/index.js';
import { BrokerAdapter } from '../port/broker-adapter.js';
import { BYBIT_INTERVALS, bybitCapabilities } from './bybit-capabilities.js';
import type { BybitConfig } from './bybit-config.js';
import { isTradeExecution, toFill } from './bybit-fill.mapper.js';
import { BybitInstrumentCache } from './bybit-instrument-cache.js';
import { silentBybitLogger, type BybitLogger } from './bybit-logger.js';
import { toCandle, toTicker } from './bybit-market.mapper.js';
import { BybitOrderEntry, FINAL_STATUSES } from './bybit-order-entry.js';
import { toBrokerOrder } from './bybit-order.mapper.js';
import { toPosition } from './bybit-position.mapper.js';
import { BybitQueries } from './bybit-queries.js';
import { BybitRest } from './bybit-rest.js';
import { BybitStreams, type BybitTopicMessage } from './bybit-streams.js';
import { toSpotHoldings } from './bybit-spot-holdings.mapper.js';
import { BybitTickerBook } from './bybit-ticker-book.js';
import { routeBybitTopic, type BybitTopicContext } from './bybit-topic-router.js';
import { toAccountSummary } from './bybit-wallet.mapper.js';

/**
 * A Bybit V5 account (unified trading account; USDT perpetuals or spot) through bybit-api: REST for
 * requests, the private stream for orders, executions, positions and wallet, the public one for quotes.
 * The stream reconnects by itself; when it is back the adapter reports `connected` again, which makes the
 * app reconcile what the gap may have hidden.
 */
export class BybitAdapter extends BrokerAdapter {
  readonly kind = 'bybit';
  readonly account: string;
  readonly capabilities: BrokerCapabilities;
  readonly events: Observable<BrokerEvent>;

  private readonly subject = new Subject<BrokerEvent>();
  private readonly rest: BybitRest;
  private readonly queries: BybitQueries;
  private readonly orders: BybitOrderEntry;
  private readonly instruments: BybitInstrumentCache;
  private readonly topicContext: BybitTopicContext;
  private streams: BybitStreams | undefined;
  private clockTimer: NodeJS.Timeout | undefined;
  private connection: ConnectionStatus = 'down';

  constructor(
    private readonly config: BybitConfig,
    private readonly log: BybitLogger = silentBybitLogger,
  ) {
    super();
    this.account = config.account;
    this.capabilities = bybitCapabilities(config.category);
    this.events = this.subject.asObservable();
    this.rest = new BybitRest(config);
    this.queries = new BybitQueries(this.rest, config.category);
    this.orders = new BybitOrderEntry(this.rest, this.queries, config.category, () =>
      this.requireConnected(),
    );
    this.instruments = new BybitInstrumentCache(this.queries, config.category, config.instrumentsTtlMs);
    this.topicContext = {
      account: config.account,
      category: config.category,
      tickers: new BybitTickerBook(),
      quoteOf: (symbol) => this.instruments.quoteOf(symbol),
    };
  }

  get status(): ConnectionStatus {
    return this.connection;
  }

  /** Syncs the clock, proves the key by reading the wallet, loads the instruments, opens the streams. */
  async connect(): Promise<void> {
    if (this.connection === 'connected' || this.connection === 'reconnecting') return;
    this.setConnection('connecting');
    const streams = new BybitStreams(this.config, this.streamListener(), this.log);
    try {
      const offset = await this.rest.syncClock();
      await this.queries.wallet();
      await this.instruments.load();
      await streams.open(offset);
    } catch (error) {
      streams.close();
      const failure =
        error instanceof BrokerError ? error : new BrokerConnectionError(String(error), { broker: 'bybit' });
      this.setConnection('down', failure.message);
      throw failure;
    }
    this.streams = streams;
    this.clockTimer = setInterval(() => void this.resyncClock(), this.config.timeSyncIntervalMs);
    this.clockTimer.unref();
    this.setConnection('connected');
  }

  async disconnect(): Promise<void> {
    clearInterval(this.clockTimer);
    this.streams?.close();
    this.streams = undefined;
    if (this.connection !== 'down') this.setConnection('down', 'disconnected by the client');
    return Promise.resolve();
  }

  async placeOrder(request: OrderRequest): Promise<OrderAck> {
    this.requireConnected();
    return this.orders.place(request);
  }

  /** Cancels, then waits briefly for Bybit to settle the order (cancels are asynchronous there). */
  async cancelOrder(brokerOrderId: string): Promise<BrokerOrder> {
    return this.orders.cancel(brokerOrderId);
  }

  async getOrder(brokerOrderId: string): Promise<BrokerOrder> {
    return this.orders.get(brokerOrderId);
  }

  async getOpenOrders(): Promise<BrokerOrder[]> {
    this.requireConnected();
    return (await this.queries.openOrders())
      .map(toBrokerOrder)
      .filter((order) => !FINAL_STATUSES.has(order.status));
  }

  async findOrderByClientOrderId(clientOrderId: string): Promise<BrokerOrder | null> {
    return this.orders.findByClientOrderId(clientOrderId);
  }

  async getFills(since: Date): Promise<Fill[]> {
    this.requireConnected();
    const executions = await this.queries.executions(since);
    return executions
      .filter(isTradeExecution)
      .map((execution) => toFill(execution, this.instruments.quoteOf(execution.symbol)));
  }

  async getPositions(): Promise<Position[]> {
    this.requireConnected();
    if (this.config.category === 'spot') {
      const wallet = await this.queries.wallet();
      return toSpotHoldings(wallet, (symbol) => this.instruments.has(symbol), new Date());
    }
    return (await this.queries.positions()).map(toPosition).filter((position) => position.side !== 'flat');
  }

  async getAccountSummary(): Promise<AccountSummary> {
    this.requireConnected();
    return toAccountSummary(this.account, await this.queries.wallet(), new Date());
  }

  async getCandles(symbol: string, timeframe: Timeframe, from: Date, to: Date): Promise<Candle[]> {
    this.requireConnected();
    const interval = BYBIT_INTERVALS[timeframe];
    if (!interval) throw new InvalidOrderError(`Bybit has no ${timeframe} candles`, { broker: 'bybit' });
    await this.getInstrument(symbol);
    return (await this.queries.klines(symbol, interval, from.getTime(), to.getTime())).map(toCandle);
  }

  async getTicker(symbol: string): Promise<Ticker> {
    this.requireConnected();
    await this.getInstrument(symbol);
    const { ticker, time } = await this.queries.ticker(symbol);
    const quote = ticker ? toTicker(ticker, time) : null;
    if (!quote) throw new UnknownSymbolError(`Bybit quotes nothing for ${symbol}`, { broker: 'bybit' });
    return quote;
  }

  async getInstrument(symbol: string): Promise<Instrument> {
    this.requireConnected();
    return this.instruments.get(symbol);
  }

  async listInstruments(): Promise<Instrument[]> {
    this.requireConnected();
    return this.instruments.list();
  }

  private streamListener() {
    return {
      onMessage: (message: BybitTopicMessage) => this.onTopic(message),
      onDropped: () => this.setConnection('reconnecting', 'Bybit private stream dropped'),
      onRestored: () => this.setConnection('connected'),
      onRefused: (error: BrokerError) => this.setConnection('down', error.message),
    };
  }

  private onTopic(message: BybitTopicMessage): void {
    try {
      routeBybitTopic(message, this.topicContext, (event) => this.emit(event));
    } catch (error) {
      // A payload we cannot read must not kill the stream; reconciliation will bring the state back.
      this.log(
        'error',
        `Bybit ${message.topic} message of "${this.account}" not understood: ${(error as Error).message}`,
      );
    }
  }

  private async resyncClock(): Promise<void> {
    try {
      this.streams?.setClockOffset(await this.rest.syncClock());
    } catch (error) {
      this.log('warn', `Bybit clock sync of "${this.account}" failed: ${(error as Error).message}`);
    }
  }

  private emit(event: BrokerEvent): void {
    this.subject.next(event);
  }

  private setConnection(status: ConnectionStatus, reason?: string): void {
    this.connection = status;
    this.emit({ type: 'connection', account: this.account, status, ...(reason ? { reason } : {}) });
  }

  private requireConnected(): void {
    if (this.connection === 'down' || this.connection === 'connecting') {
      throw new BrokerConnectionError(`Bybit account ${this.account} is not connected`, { broker: 'bybit' });
    }
  }
}
