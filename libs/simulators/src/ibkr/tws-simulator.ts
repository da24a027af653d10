import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { SerialQueue } from '#async';
import { dec, toDecimalString } from '../paper-engine.js';
import { TwsAccount } from './account/tws-account.js';
import { accountHandlers } from './account/tws-account-handlers.js';
import { contractHandlers } from './market/tws-contract-handlers.js';
import { historicalHandlers } from './market/tws-historical-handlers.js';
import { marketDataHandlers } from './market/tws-market-data-handlers.js';
import { TwsInstrumentRegistry } from './market/tws-instrument-registry.js';
import { TwsExecutions } from './orders/tws-executions.js';
import { TwsOrderBook } from './orders/tws-order-book.js';
import { orderHandlers } from './orders/tws-order-handlers.js';
import { TwsOrderIds } from './session/tws-client-order-ids.js';
import { TwsOrderMessenger } from './orders/tws-order-messages-out.js';
import { TwsOrderWork } from './orders/tws-order-work.js';
import type { TwsRequestHandler } from './session/tws-request-handler.js';
import { TwsSession, type TwsSessionHost } from './session/tws-session.js';
import { TwsClientRegistry } from './session/tws-client-registry.js';
import { systemHandlers } from './session/tws-system-handlers.js';
import type { TwsInstrumentConfig, TwsSimulatorConfig } from './tws-simulator-config.js';
import { defaultTwsHistoryPacing, defaultTwsSimulatorConfig } from './tws-simulator-defaults.js';
import { formatTwsTime } from './tws-time.js';

/** A price to move to: one price (bid and ask around it), or an explicit bid and ask. */
export type TwsPriceMove = string | { readonly bid: string; readonly ask: string };

/**
 * TWS (or IB Gateway) on loopback, for tests and demos: the TWS API socket protocol at server version 193
 * that the unmodified `@stoqey/ib` client speaks (`new IBApi({ host, port }).connect(clientId)`), with one
 * paper matching engine per managed account behind it.
 *
 * ```ts
 * const simulator = new TwsSimulator();
 * const port = await simulator.start();
 * const ib = new IBApi({ host: '127.0.0.1', port });
 * ```
 */
export class TwsSimulator implements TwsSessionHost {
  readonly config: TwsSimulatorConfig;
  /** Every request a client sent, in arrival order: what a test checks was (or was never) sent. */
  readonly received: { readonly clientId: number | undefined; readonly fields: readonly string[] }[] = [];
  private readonly queue = new SerialQueue();
  private readonly registry: TwsInstrumentRegistry;
  private readonly accounts: TwsAccount[];
  private readonly ids: TwsOrderIds;
  private readonly clients: TwsClientRegistry;
  private readonly handlers: Map<number, TwsRequestHandler>;
  private readonly book: TwsOrderBook;
  private readonly server: Server;
  private timer: NodeJS.Timeout | null = null;
  private port: number | null = null;
  private clockOffsetMs = 0;
  private refusingUntil = 0;

  /** @param overrides replace whole fields of {@link defaultTwsSimulatorConfig}. */
  constructor(overrides: Partial<TwsSimulatorConfig> = {}) {
    this.config = { ...defaultTwsSimulatorConfig(), ...overrides };
    const now = (): number => Date.now() + this.clockOffsetMs;
    this.registry = new TwsInstrumentRegistry(this.config.instruments);
    this.accounts = this.config.accounts.map(
      (account) =>
        new TwsAccount(account, this.config.instruments, this.config.seed, this.config.historyMinutes, now),
    );
    this.ids = new TwsOrderIds(this.config.firstOrderId);
    const executions = new TwsExecutions();
    const messenger = new TwsOrderMessenger({ sessionOf: (clientId) => this.clients.sessionOf(clientId) });
    const work = new TwsOrderWork(this.accounts, executions, messenger, now);
    this.book = new TwsOrderBook({
      registry: this.registry,
      accounts: this.accounts,
      ids: this.ids,
      messenger,
      work,
      now,
    });
    const { book } = this;
    this.clients = new TwsClientRegistry({
      accounts: this.accounts.map((account) => account.code),
      ids: this.ids,
      onStarted: (session) => {
        for (const order of book.live(session.clientId)) messenger.describe(order, session);
      },
    });
    this.handlers = new Map([
      ...systemHandlers(
        this.ids,
        this.accounts.map((account) => account.code),
        now,
      ),
      ...orderHandlers(book, executions, messenger),
      ...contractHandlers(this.registry, now),
      // Every account's engine quotes the same market: the first one feeds market data and history.
      ...marketDataHandlers(this.registry, this.accounts[0]!.engine),
      ...historicalHandlers({
        registry: this.registry,
        engine: this.accounts[0]!.engine,
        pacing: this.config.historyPacing ?? defaultTwsHistoryPacing(),
        now,
      }),
      ...accountHandlers(this.accounts, this.registry, now),
    ]);
    this.server = createServer((socket: Socket) => {
      // TWS restarting (or its API port closed) drops a connection before the handshake.
      if (Date.now() < this.refusingUntil) {
        socket.resetAndDestroy();
        return;
      }
      this.clients.add(new TwsSession(socket, this, () => formatTwsTime(now())));
    });
  }

  /** Starts the engines and the server; resolves with the port it listens on. */
  async start(): Promise<number> {
    if (this.port !== null) return this.port;
    for (const account of this.accounts) await account.engine.connect();
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.config.port, this.config.host, () => resolve());
    });
    this.port = (this.server.address() as AddressInfo).port;
    if (this.config.tickIntervalMs > 0) {
      this.timer = setInterval(() => void this.tick().catch(() => undefined), this.config.tickIntervalMs);
      // A simulator never keeps a process (or a test run) alive on its own.
      this.timer.unref();
    }
    return this.port;
  }

  /** Closes every connection and the server, and stops the engines. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.clients.dropAll();
    if (this.port !== null) await new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.port = null;
    for (const account of this.accounts) await account.engine.disconnect();
  }

  /** The port; throws before {@link start}. */
  get listeningPort(): number {
    if (this.port === null) throw new Error('the TWS simulator is not started');
    return this.port;
  }

  receive(session: TwsSession, fields: readonly string[]): void {
    this.received.push({ clientId: session.clientId, fields });
    void this.queue.run(() => this.clients.dispatch(session, fields, this.handlers));
  }

  closed(session: TwsSession): void {
    this.clients.remove(session);
  }

  /** Test hook: `count` steps of the price walk (what the timer does); resting orders match first. */
  async tick(count = 1): Promise<void> {
    for (let i = 0; i < count; i++) await this.queue.run(() => this.accounts.forEach((a) => a.engine.tick()));
  }

  /** Test hook: moves one contract (by localSymbol) to a price; orders match before it resolves. */
  setPrice(localSymbol: string, price: TwsPriceMove): Promise<void> {
    const instrument = this.instrument(localSymbol);
    const { bid, ask } = typeof price === 'string' ? quoteAround(instrument, price) : price;
    return this.queue.run(() => this.accounts.forEach((a) => a.engine.setQuote(localSymbol, bid, ask)));
  }

  /** Test hook: the size quoted at the bid and the ask from now on; bigger orders fill partially. */
  setDepth(localSymbol: string, depth: string): Promise<void> {
    this.instrument(localSymbol);
    return this.queue.run(() => this.accounts.forEach((a) => a.engine.setDepth(localSymbol, depth)));
  }

  /**
   * Test hook: every client connection breaks (ECONNRESET), and new ones are dropped before the handshake
   * for `refuseReconnectsForMs`, as while TWS restarts; the orders keep working.
   */
  dropConnections(options: { readonly refuseReconnectsForMs?: number } = {}): number {
    this.refusingUntil = Date.now() + (options.refuseReconnectsForMs ?? 0);
    return this.clients.dropAll();
  }

  /** Test hook: 1100, TWS lost IB; order and execution messages to clients are lost until restored. */
  connectivityLost(): Promise<void> {
    return this.queue.run(() => this.clients.linkLost());
  }

  /** Test hook: 1102 (data maintained) or 1101 (data lost: market data subscriptions are gone). */
  connectivityRestored(options: { readonly dataKept: boolean }): Promise<void> {
    return this.queue.run(() => this.clients.linkRestored(options.dataKept));
  }

  /**
   * Test hook: IB rejects the next order that passes TWS's checks, e.g. `{ code: 201, message: 'Order
   * rejected - reason:…' }` (a margin or permission refusal), or any other code an order can get.
   */
  rejectNextOrder(code = 201, message = 'Order rejected - reason:The order was rejected by IB'): void {
    this.book.refuseNext({ code, message });
  }

  /** Test hook: NEXT_VALID_ID tells `clientId` this id until it places an order, as after a gateway restart. */
  rollBackNextValidId(clientId: number, orderId: number): void {
    this.ids.rollBack(clientId, orderId);
  }

  /** Test hook: TWS's clock runs `offsetMs` ahead of the machine's (negative: behind). */
  setClockOffset(offsetMs: number): void {
    this.clockOffsetMs = offsetMs;
  }

  /** Resolves once every request received so far has been answered. */
  settled(): Promise<void> {
    return this.queue.drained();
  }

  private instrument(localSymbol: string): TwsInstrumentConfig {
    const found = this.registry.byLocal(localSymbol);
    if (!found) throw new RangeError(`the simulator has no contract ${localSymbol}`);
    return found;
  }
}

/** A quote `spreadTicks` wide around `price`, on the contract's tick. */
function quoteAround(instrument: TwsInstrumentConfig, price: string): { bid: string; ask: string } {
  const half = dec(instrument.minTick).times(Math.max(1, Math.floor(instrument.spreadTicks / 2)));
  return { bid: toDecimalString(dec(price).minus(half)), ask: toDecimalString(dec(price).plus(half)) };
}
