import { count } from 'drizzle-orm';
import { AccountRegistry } from '../../src/broker/account-registry.js';
import { OrderRepository } from '../../src/orders/order.repository.js';
import { DATABASE, type Database } from '../../src/persistence/database.js';
import { fills, orderEvents, orders } from '../../src/persistence/schema/index.js';
import { FillRepository } from '../../src/trades/fill.repository.js';
import { startBenchApp } from '../support/edgerunner-app.js';
import { AdapterCallLatency } from './adapter-call-latency.js';
import { InMemoryFillRepository } from './in-memory-fill.repository.js';
import { InMemoryOrderRepository } from './in-memory-order.repository.js';
import type { BenchDatabase } from '../support/postgres-database.js';

/**
 * The paper account: prices stand still (no ticks), and ETHUSDT (the default account's rules) has a depth
 * no run exhausts, so every market order fills at once though no new quote ever refills the book.
 */
const PAPER = {
  tickIntervalMs: 0,
  historyMinutes: 60,
  seed: 7,
  instruments: [
    {
      symbol: 'ETHUSDT',
      assetClass: 'crypto',
      quoteCurrency: 'USDT',
      tickSize: '0.01',
      lotSize: '0.01',
      minQuantity: '0.01',
      startPrice: '3200',
      volatility: 0.00013,
      spreadTicks: 1,
      depth: '100000000',
      leverage: 10,
    },
  ],
};

/** What an app has stored: rows of orders, order events and fills. */
export interface StoredCounts {
  readonly orders: number;
  readonly events: number;
  readonly fills: number;
}

/** One storage setup's app, running on an ephemeral port. */
export interface StorageSetup {
  readonly label: string;
  /** False for the setup whose order and fill repositories are in memory: the reference. */
  readonly durable: boolean;
  readonly url: string;
  /** POST /trade answers the app has sent, by status: counted by the server, so none is missed. */
  readonly tradeAnswers: ReadonlyMap<number, number>;
  /** From a POST /trade's arrival to the adapter's placeOrder call. */
  readonly adapterLatency: AdapterCallLatency;
  /** Fills the paper broker has reported: each must end up stored, once. */
  fillsReported(): number;
  /** Counted where the setup keeps them: the database, or the in-memory repositories. */
  stored(): Promise<StoredCounts>;
  close(): Promise<void>;
}

/**
 * Starts the app for one setup, built the same way for all three (the testing module with AppModule,
 * then main.ts's adapter and configureApp) so they differ only in where orders and fills go: PGlite in
 * the app's data dir (the default), a PostgreSQL database (`database`), or, with `inMemory`, the order
 * and fill repositories replaced by in-memory ones (the database still opens, for API keys and the rest,
 * but no order or fill touches it). One paper account whose prices stand still; /trade throttle far above
 * what the bench sends.
 */
export async function startStorageSetup(
  label: string,
  storage: { readonly database?: BenchDatabase; readonly inMemory?: boolean },
): Promise<StorageSetup> {
  const memoryOrders = storage.inMemory ? new InMemoryOrderRepository() : undefined;
  const memoryFills = memoryOrders ? new InMemoryFillRepository(memoryOrders) : undefined;
  const tradeAnswers = new Map<number, number>();
  const adapterLatency = new AdapterCallLatency();
  const bench = await startBenchApp({
    config: {
      accounts: [{ name: 'paper', broker: 'paper', paper: PAPER }],
      throttle: { trade: { limit: 100_000_000, ttlMs: 1000 } },
    },
    env: storage.database ? { DATABASE_URL: storage.database.url } : {},
    // One instance each, shared: fills link to the orders of the same store, as rows of one database do.
    overrides:
      memoryOrders && memoryFills
        ? [
            { provide: OrderRepository, useValue: memoryOrders },
            { provide: FillRepository, useValue: memoryFills },
          ]
        : [],
    beforeListen: (app) => {
      app
        .getHttpAdapter()
        .getInstance()
        .addHook('onSend', (request, reply, payload, done) => {
          if (request.method === 'POST' && request.url === '/trade')
            tradeAnswers.set(reply.statusCode, (tradeAnswers.get(reply.statusCode) ?? 0) + 1);
          done(null, payload);
        });
      adapterLatency.hook(app);
    },
  });
  const { app, url } = bench;
  adapterLatency.wrap(app.get(AccountRegistry).resolve('paper'));
  let reported = 0;
  const subscription = app.get(AccountRegistry).events.subscribe((event) => {
    if (event.type === 'fill') reported++;
  });
  const db = app.get<Database>(DATABASE);
  return {
    label,
    durable: memoryOrders === undefined,
    url,
    tradeAnswers,
    adapterLatency,
    fillsReported: () => reported,
    stored: async () => {
      const [[ordersRow], [eventsRow], [fillsRow]] = await Promise.all([
        db.select({ n: count() }).from(orders),
        db.select({ n: count() }).from(orderEvents),
        db.select({ n: count() }).from(fills),
      ]);
      const inDatabase = { orders: ordersRow?.n ?? 0, events: eventsRow?.n ?? 0, fills: fillsRow?.n ?? 0 };
      if (!memoryOrders || !memoryFills) return inDatabase;
      if (inDatabase.orders + inDatabase.events + inDatabase.fills > 0)
        throw new Error(`${label}: orders or fills reached the database: ${JSON.stringify(inDatabase)}`);
      return { orders: memoryOrders.size, events: memoryOrders.eventCount, fills: memoryFills.size };
    },
    close: async () => {
      subscription.unsubscribe();
      await bench.close();
    },
  };
}
