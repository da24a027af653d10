import { Subject, type Observable } from 'rxjs';
import { dec, toDecimalString } from '../decimal/index.js';
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
  OrderNotFoundError,
  UnknownSymbolError,
} from '../errors/index.js';
import { BrokerAdapter } from '../port/broker-adapter.js';
import { BYBIT_INTERVALS, bybitCapabilities } from './bybit-capabilities.js';
import type { BybitConfig } from './bybit-config.js';
import { isTradeExecution, toFill, type BybitExecutionShape } from './bybit-fill.mapper.js';
import { silentBybitLogger, type BybitLogger } from './bybit-logger.js';
import { toCandle, toInstrument, toTicker, type BybitTickerShape } from './bybit-market.mapper.js';
import { toOrderParams } from './bybit-order-params.js';
import { toBrokerOrder, type BybitOrderShape } from './bybit-order.mapper.js';
import { toPosition, type BybitPositionShape } from './bybit-position.mapper.js';
import { BybitQueries } from './bybit-queries.js';
import { BybitRest } from './bybit-rest.js';
import { BybitStreams, type BybitTopicMessage } from './bybit-streams.js';
import { BybitTickerBook } from './bybit-ticker-book.js';
import { toAccountSummary } from './bybit-wallet.mapper.js';

/** Bybit's codes for "that orderLinkId was used already" (linear, spot). */
const DUPLICATE_LINK_ID = new Set(['110072', '170141']);
/** Bybit's codes for "no such open order" on cancel (linear, spot): it may have just filled. */
const NOT_OPEN = new Set(['110001', '170213']);
const FINAL = new Set(['filled', 'cancelled', 'rejected', 'expired']);
const CANCEL_SETTLE_TRIES = 20;
const CANCEL_SETTLE_MS = 50;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms).unref());

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
  private readonly tickers = new BybitTickerBook();
  private instruments = new Map<string, Instrument>();
  private instrumentsLoadedAt = 0;
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
      await this.loadInstruments();
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
    const params = toOrderParams(request, this.config.category);
    try {
      const result = await this.rest.write('/v5/order/create', (c) => c.submitOrder(params));
      return {
        brokerOrderId: result.orderId,
        clientOrderId: request.clientOrderId,
        status: 'submitted',
        receivedAt: new Date().toISOString(),
      };
    } catch (error) {
      // Placed already (a retry after a lost answer): the first order is the answer, never a second one.
      if (error instanceof BrokerError && DUPLICATE_LINK_ID.has(error.brokerCode ?? '')) {
        const existing = await this.findOrderByClientOrderId(request.clientOrderId);
        if (existing) {
          return {
            brokerOrderId: existing.brokerOrderId,
            clientOrderId: existing.clientOrderId,
            status: existing.status,
            receivedAt: new Date().toISOString(),
          };
        }
      }
      throw error;
    }
  }

  /** Cancels, then waits briefly for Bybit to settle the order (cancels are asynchronous there). */
  async cancelOrder(brokerOrderId: string): Promise<BrokerOrder> {
    const order = await this.getOrder(brokerOrderId);
    if (FINAL.has(order.status)) return order;
    try {
      await this.rest.write('/v5/order/cancel', (c) =>
        c.cancelOrder({ category: this.config.category, symbol: order.symbol, orderId: brokerOrderId }),
      );
    } catch (error) {
      if (!(error instanceof BrokerError && NOT_OPEN.has(error.brokerCode ?? ''))) throw error;
      return this.getOrder(brokerOrderId);
    }
    let latest = order;
    for (let attempt = 0; attempt < CANCEL_SETTLE_TRIES && !FINAL.has(latest.status); attempt += 1) {
      await sleep(CANCEL_SETTLE_MS);
      latest = await this.getOrder(brokerOrderId);
    }
    return latest;
  }

  async getOrder(brokerOrderId: string): Promise<BrokerOrder> {
    this.requireConnected();
    const order = await this.queries.order({ orderId: brokerOrderId });
    if (!order) throw new OrderNotFoundError(`Bybit has no order ${brokerOrderId}`, { broker: 'bybit' });
    return toBrokerOrder(order);
  }

  async getOpenOrders(): Promise<BrokerOrder[]> {
    this.requireConnected();
    return (await this.queries.openOrders()).map(toBrokerOrder).filter((order) => !FINAL.has(order.status));
  }

  async findOrderByClientOrderId(clientOrderId: string): Promise<BrokerOrder | null> {
    this.requireConnected();
    const order = await this.queries.order({ orderLinkId: clientOrderId });
    return order ? toBrokerOrder(order) : null;
  }

  async getFills(since: Date): Promise<Fill[]> {
    this.requireConnected();
    const executions = await this.queries.executions(since);
    return executions
      .filter(isTradeExecution)
      .map((execution) => toFill(execution, this.quoteOf(execution.symbol)));
  }

  async getPositions(): Promise<Position[]> {
    this.requireConnected();
    if (this.config.category === 'spot') return this.spotHoldings();
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
    if (Date.now() - this.instrumentsLoadedAt > this.config.instrumentsTtlMs) await this.loadInstruments();
    const known = this.instruments.get(symbol);
    if (known) return known;
    const [info] = await this.queries.instruments(symbol);
    if (!info)
      throw new UnknownSymbolError(`Bybit lists no ${this.config.category} symbol ${symbol}`, {
        broker: 'bybit',
      });
    const instrument = toInstrument(info, this.config.category);
    this.instruments.set(symbol, instrument);
    return instrument;
  }

  async listInstruments(): Promise<Instrument[]> {
    this.requireConnected();
    if (Date.now() - this.instrumentsLoadedAt > this.config.instrumentsTtlMs) await this.loadInstruments();
    return [...this.instruments.values()];
  }

  private async loadInstruments(): Promise<void> {
    const infos = await this.queries.instruments();
    this.instruments = new Map(infos.map((info) => [info.symbol, toInstrument(info, this.config.category)]));
    this.instrumentsLoadedAt = Date.now();
  }

  /** Spot has no positions: each coin held against USDT stands for one, valued at Bybit's USD value. */
  private async spotHoldings(): Promise<Position[]> {
    const wallet = await this.queries.wallet();
    const now = new Date().toISOString();
    return (wallet?.coin ?? []).flatMap((coin) => {
      const symbol = `${coin.coin}USDT`;
      const held = dec(coin.walletBalance || '0');
      if (!this.instruments.has(symbol) || held.lte(0)) return [];
      const mark = toDecimalString(dec(coin.usdValue || '0').div(held));
      return [
        {
          symbol,
          side: 'long' as const,
          quantity: toDecimalString(held),
          averagePrice: mark,
          markPrice: mark,
          unrealizedPnl: '0',
          realizedPnl: coin.cumRealisedPnl || '0',
          marginUsed: '0',
          updatedAt: now,
        },
      ];
    });
  }

  private streamListener() {
    return {
      onMessage: (message: BybitTopicMessage) => this.onTopic(message),
      onDropped: () => this.setConnection('reconnecting', 'Bybit private stream dropped'),
      onRestored: () => this.setConnection('connected'),
      onRefused: (error: BrokerError) => this.setConnection('down', error.message),
    };
  }

  private onTopic({ topic, type, ts, data }: BybitTopicMessage): void {
    try {
      if (topic.startsWith('tickers.')) {
        const ticker = this.tickers.apply(type, data as BybitTickerShape, ts ?? Date.now());
        if (ticker) this.emit({ type: 'tick', account: this.account, ticker });
        return;
      }
      const items = (Array.isArray(data) ? data : []) as { category?: string }[];
      const ours = items.filter(
        (item) => item.category === undefined || item.category === this.config.category,
      );
      if (topic.startsWith('order')) {
        for (const order of ours)
          this.emit({ type: 'order', account: this.account, order: toBrokerOrder(order as BybitOrderShape) });
      } else if (topic.startsWith('execution')) {
        for (const execution of ours as BybitExecutionShape[]) {
          if (!isTradeExecution(execution)) continue;
          this.emit({
            type: 'fill',
            account: this.account,
            fill: toFill(execution, this.quoteOf(execution.symbol)),
          });
        }
      } else if (topic.startsWith('position')) {
        for (const position of ours)
          this.emit({
            type: 'position',
            account: this.account,
            position: toPosition(position as BybitPositionShape),
          });
      } else if (topic === 'wallet') {
        const [wallet] = data as Parameters<typeof toAccountSummary>[1][];
        this.emit({
          type: 'account',
          account: this.account,
          summary: toAccountSummary(this.account, wallet, new Date()),
        });
      }
    } catch (error) {
      // A payload we cannot read must not kill the stream; reconciliation will bring the state back.
      this.log(
        'error',
        `Bybit ${topic} message of "${this.account}" not understood: ${(error as Error).message}`,
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

  private quoteOf(symbol: string): string {
    return this.instruments.get(symbol)?.quoteCurrency ?? 'USDT';
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
