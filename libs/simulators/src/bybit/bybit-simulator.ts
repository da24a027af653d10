import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SerialQueue } from '#async';
import { BybitAccount } from './account/bybit-account.js';
import { toRestExecution } from './account/bybit-execution.js';
import { toRestOrder } from './account/bybit-order-view.js';
import type { BybitCategory, BybitSimulatorConfig } from './bybit-simulator-config.js';
import { defaultBybitSimulatorConfig } from './bybit-simulator-defaults.js';
import type { BybitInstrument } from './market/bybit-instrument.js';
import { BybitInstrumentRegistry } from './market/bybit-instrument-registry.js';
import { BybitMarket, type BybitQuote, quoteAt } from './market/bybit-market.js';
import { dec, isDecimal, isMultipleOf } from '../paper-engine.js';
import type { BybitFault } from './rest/bybit-fault-injector.js';
import { BybitFaultInjector } from './rest/bybit-fault-injector.js';
import { marketRoutes } from './rest/bybit-market-routes.js';
import { orderRoutes } from './rest/bybit-order-routes.js';
import { queryRoutes } from './rest/bybit-query-routes.js';
import { BybitRateLimiter } from './rest/bybit-rate-limiter.js';
import { BybitRestHandler } from './rest/bybit-rest-handler.js';
import { ServerClock } from './server-clock.js';
import { BybitWsServer } from './ws/bybit-ws-server.js';

/** A price to move to: one price (last; bid and ask around it), or an explicit bid and ask. */
export type BybitPriceMove = string | { readonly bid: string; readonly ask: string };

/** The simulator's WebSocket streams, for {@link BybitSimulator.wsUrl}. */
export type BybitStreamName = 'private' | 'linear' | 'spot';

const STREAM_PATHS: Readonly<Record<BybitStreamName, string>> = {
  private: '/v5/private',
  linear: '/v5/public/linear',
  spot: '/v5/public/spot',
};

/**
 * A Bybit V5 server on loopback, for tests and demos: the REST endpoints and WebSocket streams the
 * unmodified `bybit-api` client uses (`RestClientV5({ baseUrl })`, `WebsocketClient({ wsUrl })`),
 * answering as Bybit documents, with one paper matching engine per configured account behind it.
 *
 * ```ts
 * const simulator = new BybitSimulator();
 * const baseUrl = await simulator.start();
 * const rest = new RestClientV5({ key: 'sim-api-key', secret: 'sim-api-secret', baseUrl });
 * ```
 */
export class BybitSimulator {
  readonly config: BybitSimulatorConfig;
  private readonly clock = new ServerClock();
  /**
   * Every change to the market and the accounts runs on this one queue, so a timer tick never lands in
   * the middle of an order placement and each request sees the state the previous one left, as on a
   * single matching engine.
   */
  private readonly queue = new SerialQueue();
  private readonly registry: BybitInstrumentRegistry;
  private readonly market: BybitMarket;
  private readonly accounts: BybitAccount[] = [];
  private readonly byKey = new Map<string, BybitAccount>();
  private readonly faults = new BybitFaultInjector();
  private readonly server: Server;
  private readonly ws: BybitWsServer;
  private timer: NodeJS.Timeout | null = null;
  private baseUrl: string | null = null;

  /** @param overrides replace whole fields of {@link defaultBybitSimulatorConfig}. */
  constructor(overrides: Partial<BybitSimulatorConfig> = {}) {
    this.config = { ...defaultBybitSimulatorConfig(), ...overrides };
    const now = (): number => this.clock.now();
    this.registry = new BybitInstrumentRegistry(this.config.instruments);
    this.market = new BybitMarket(this.registry, this.config, now);
    const accountByKey = (apiKey: string): BybitAccount | undefined => this.byKey.get(apiKey);
    this.ws = new BybitWsServer({
      registry: this.registry,
      market: this.market,
      accountByKey,
      queue: this.queue,
      now,
    });
    this.config.accounts.forEach((account, index) => {
      if (this.byKey.has(account.apiKey)) throw new Error(`api key ${account.apiKey} is configured twice`);
      const created = new BybitAccount(
        account,
        account.uid ?? 100_001 + index,
        this.registry,
        this.market,
        now,
        (push) => this.ws.pushPrivate(push),
      );
      this.accounts.push(created);
      this.byKey.set(account.apiKey, created);
    });
    const rest = new BybitRestHandler({
      routes: [
        ...marketRoutes(this.registry, this.market),
        ...orderRoutes(this.registry),
        ...queryRoutes(this.registry, this.config.recentClosedOrders),
      ],
      accountByKey,
      limiter: new BybitRateLimiter(this.config.rateLimits, this.config.rateLimitWindowMs, now),
      faults: this.faults,
      queue: this.queue,
      now,
    });
    this.server = createServer(rest.listener);
    this.ws.attach(this.server);
  }

  /** Starts the market, the accounts and the server; resolves with the REST base URL (`http://host:port`). */
  async start(): Promise<string> {
    if (this.baseUrl) return this.baseUrl;
    await this.market.start();
    for (const account of this.accounts) await account.start();
    this.ws.start();
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.config.port, this.config.host, () => resolve());
    });
    const { port } = this.server.address() as AddressInfo;
    this.baseUrl = `http://${this.config.host}:${port}`;
    if (this.config.tickIntervalMs > 0) {
      this.timer = setInterval(() => {
        this.tick().catch(() => undefined);
      }, this.config.tickIntervalMs);
      // A simulator never keeps a process (or a test run) alive on its own.
      this.timer.unref();
    }
    return this.baseUrl;
  }

  /** Closes every socket and the server, and stops the engines. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.ws.close();
    if (this.baseUrl) {
      await new Promise<void>((resolve) => {
        this.server.close(() => resolve());
        this.server.closeAllConnections();
      });
    }
    this.baseUrl = null;
    for (const account of this.accounts) await account.stop();
    await this.market.stop();
  }

  /** The REST base URL; throws before {@link start}. */
  get url(): string {
    if (!this.baseUrl) throw new Error('the Bybit simulator is not started');
    return this.baseUrl;
  }

  /** `ws://host:port/v5/private`, `/v5/public/linear` or `/v5/public/spot`. */
  wsUrl(stream: BybitStreamName): string {
    return `${this.url.replace(/^http/, 'ws')}${STREAM_PATHS[stream]}`;
  }

  /** Test hook: moves one instrument's price; resting orders match and triggers fire before it resolves. */
  setPrice(category: BybitCategory, symbol: string, price: BybitPriceMove): Promise<void> {
    const instrument = this.instrument(category, symbol);
    const { bid, ask } =
      typeof price === 'string'
        ? quoteAt(instrument, this.price(instrument, price))
        : {
            bid: this.price(instrument, price.bid),
            ask: this.price(instrument, price.ask),
          };
    return this.queue.run(async () => this.propagate(await this.market.setPrice(instrument, bid, ask)));
  }

  /** Test hook: the size quoted at the bid and at the ask from now on; big orders fill partially. */
  setDepth(category: BybitCategory, symbol: string, depth: string): Promise<void> {
    const instrument = this.instrument(category, symbol);
    if (!isDecimal(depth) || dec(depth).lte(0))
      throw new RangeError(`depth must be a positive decimal, got ${depth}`);
    return this.queue.run(async () => {
      const quote = await this.market.setDepth(instrument, dec(depth));
      for (const account of this.accounts) await account.onDepth(instrument, dec(depth));
      await this.propagate(quote);
    });
  }

  /** Test hook: `count` ticks of the random walk for every instrument (what the timer does). */
  async tick(count = 1): Promise<void> {
    for (let i = 0; i < count; i++) {
      await this.queue.run(async () => {
        for (const quote of await this.market.tick()) await this.propagate(quote);
      });
    }
  }

  /** Test hook: the server's clock runs `offsetMs` ahead of the machine's (negative: behind). */
  setClockOffset(offsetMs: number): void {
    this.clock.setOffset(offsetMs);
  }

  /** Test hook: drops every WebSocket; reconnects are refused (HTTP 503) for `refuseReconnectsForMs`. */
  dropConnections(options: { readonly refuseReconnectsForMs?: number } = {}): number {
    return this.ws.dropAll(options.refuseReconnectsForMs ?? 0);
  }

  /** Test hook: the next `times` calls of `path` (e.g. "/v5/order/create") fail with `fault`, unprocessed. */
  failNext(path: string, fault: BybitFault, times = 1): void {
    this.faults.failNext(path, fault, times);
  }

  /** Test hook: the next `times` calls of `path` are processed at once but answered `delayMs` later. */
  delayNext(path: string, delayMs: number, times = 1): void {
    this.faults.delayNext(path, delayMs, times);
  }

  /** Open WebSocket connections. */
  get wsConnectionCount(): number {
    return this.ws.connectionCount;
  }

  /** The server's record of an account's orders (REST shape plus `category`), newest first. */
  orders(apiKey?: string, category?: BybitCategory): Record<string, unknown>[] {
    return this.account(apiKey)
      .orders(category)
      .map((order) => ({ category: order.category, ...toRestOrder(order) }));
  }

  /** The server's record of an account's executions (REST shape plus `category`), newest first. */
  executions(apiKey?: string, category?: BybitCategory): Record<string, unknown>[] {
    return this.account(apiKey)
      .book.executions(category)
      .map((execution) => ({ category: execution.category, ...toRestExecution(execution) }));
  }

  /** Every account hears the quote (its engine matches, its triggers fire), then the public streams. */
  private async propagate(quote: BybitQuote): Promise<void> {
    for (const account of this.accounts) await account.onQuote(quote);
    await this.ws.publishQuote(quote.instrument);
  }

  private account(apiKey?: string): BybitAccount {
    const account = apiKey === undefined ? this.accounts[0] : this.byKey.get(apiKey);
    if (!account) throw new Error(`no account ${apiKey ?? '(none configured)'}`);
    return account;
  }

  private instrument(category: BybitCategory, symbol: string): BybitInstrument {
    const instrument = this.registry.find(category, symbol);
    if (!instrument) throw new RangeError(`no ${category} instrument ${symbol}`);
    return instrument;
  }

  private price(instrument: BybitInstrument, value: string) {
    if (!isDecimal(value) || dec(value).lte(0) || !isMultipleOf(value, instrument.tickSize)) {
      throw new RangeError(`price ${value} is not a positive multiple of ${instrument.config.tickSize}`);
    }
    return dec(value);
  }
}
