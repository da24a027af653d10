import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultPaperAccountConfig, PaperAdapter, type BrokerOrder } from '#brokers';
import { databaseBackends } from './support/database-backends.js';
import { startServerProcess, type ServerProcess } from './support/server-process.js';

const KEY = 'er_crash_test_admin_key_0123456789';
const ORDERS = 500;
const KILL_AFTER_ANSWERS = 200;
const CONCURRENCY = 8;
const OPEN_OR_FINAL = ['submitted', 'partially_filled', 'filled', 'cancelled', 'rejected', 'expired'];

interface StoredOrder {
  id: string;
  clientOrderId: string;
  status: string;
  filledQuantity: string;
}

/** Market orders that fill, limits that rest, limits near the market that may fill later. */
function orderBody(index: number): Record<string, unknown> {
  const clientOrderId = `crash-${index}`;
  switch (index % 3) {
    case 0:
      return {
        clientOrderId,
        symbol: 'ETHUSDT',
        side: index % 2 ? 'sell' : 'buy',
        type: 'market',
        quantity: '0.01',
      };
    case 1:
      return {
        clientOrderId,
        symbol: 'BTCUSDT',
        side: 'buy',
        type: 'limit',
        quantity: '0.001',
        price: '30000',
      };
    default:
      return {
        clientOrderId,
        symbol: 'ETHUSDT',
        side: 'buy',
        type: 'limit',
        quantity: '0.01',
        price: '3200',
      };
  }
}

async function post(
  server: ServerProcess,
  body: Record<string, unknown>,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${server.url}/trade`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

async function allOrders(server: ServerProcess): Promise<StoredOrder[]> {
  const orders: StoredOrder[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${cursor}` : '';
    const response = await fetch(`${server.url}/orders?limit=1000${query}`, {
      headers: { Authorization: `Bearer ${KEY}` },
    });
    const page = (await response.json()) as { data: { items: StoredOrder[]; nextCursor: string | null } };
    orders.push(...page.data.items);
    cursor = page.data.nextCursor;
  } while (cursor);
  return orders;
}

const backends = await databaseBackends();

describe.each(backends)('kill -9 in the middle of 500 orders, on $name', (backend) => {
  let dataDir: string;
  let env: Record<string, string>;
  let drop: () => Promise<void>;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), `edgerunner-crash-${backend.name}-`));
    const configFile = join(dataDir, 'edgerunner.json');
    await writeFile(
      configFile,
      JSON.stringify({
        accounts: [{ name: 'paper', broker: 'paper', paper: { tickIntervalMs: 20, historyMinutes: 10 } }],
        throttle: { trade: { limit: 1_000_000, ttlMs: 1000 } },
      }),
    );
    const database = await backend.create();
    drop = database.drop;
    env = {
      EDGERUNNER_DATA_DIR: dataDir,
      EDGERUNNER_CONFIG: configFile,
      EDGERUNNER_API_KEY: KEY,
      LOG_LEVEL: 'warn',
      ...database.env,
    };
  });
  afterAll(async () => {
    await server?.stop('SIGKILL');
    await drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('leaves every order exactly once, resolved, and in agreement with the broker', async () => {
    server = await startServerProcess(env);
    const answered = new Map<number, string>();
    let next = 0;
    let killed = false;
    const worker = async (target: ServerProcess): Promise<void> => {
      while (!killed && next < ORDERS) {
        const index = next++;
        try {
          const response = await post(target, orderBody(index));
          if (response.status === 201) answered.set(index, (response.body as { data: StoredOrder }).data.id);
        } catch {
          // The server died under this request: the client saw no answer.
        }
        if (!killed && answered.size >= KILL_AFTER_ANSWERS) {
          killed = true;
          target.child.kill('SIGKILL');
        }
      }
    };
    const first = server;
    await Promise.all(Array.from({ length: CONCURRENCY }, () => worker(first)));
    expect(await first.stop('SIGKILL')).toBe('SIGKILL');
    expect(answered.size).toBeGreaterThanOrEqual(KILL_AFTER_ANSWERS);
    expect(answered.size).toBeLessThan(ORDERS);

    server = await startServerProcess(env);
    const restarted = server;
    for (let index = 0; index < ORDERS; index += 1) {
      const response = await post(restarted, orderBody(index));
      // A retry returns the first result; an order that never reached the broker is refused for good.
      expect([201, 422]).toContain(response.status);
      if (answered.has(index)) {
        expect(response.status).toBe(201);
        expect((response.body as { data: StoredOrder }).data.id).toBe(answered.get(index));
      }
    }

    const stored = (await allOrders(restarted)).filter((order) => order.clientOrderId.startsWith('crash-'));
    const byClientId = new Map<string, StoredOrder[]>();
    for (const order of stored)
      byClientId.set(order.clientOrderId, [...(byClientId.get(order.clientOrderId) ?? []), order]);
    for (let index = 0; index < ORDERS; index += 1) {
      const copies = byClientId.get(`crash-${index}`) ?? [];
      expect(copies).toHaveLength(1);
      expect(OPEN_OR_FINAL).toContain(copies[0]?.status);
    }
    await restarted.stop();

    // The paper broker's own record, read back from its journal as a restarted broker would.
    const broker = new PaperAdapter({
      ...defaultPaperAccountConfig(),
      tickIntervalMs: 0,
      historyMinutes: 1,
      journalFile: join(dataDir, 'paper', 'paper.journal.jsonl'),
    });
    await broker.connect();
    const atBroker = new Map<string, BrokerOrder>();
    for (let index = 0; index < ORDERS; index += 1) {
      const order = await broker.findOrderByClientOrderId(`crash-${index}`);
      if (order) atBroker.set(order.clientOrderId, order);
    }
    for (const order of stored) {
      const brokerOrder = atBroker.get(order.clientOrderId);
      if (brokerOrder)
        expect([order.clientOrderId, order.status]).toEqual([order.clientOrderId, brokerOrder.status]);
      else expect([order.clientOrderId, order.status]).toEqual([order.clientOrderId, 'rejected']);
    }
    for (const open of await broker.getOpenOrders()) {
      if (open.clientOrderId.startsWith('crash-')) expect(byClientId.has(open.clientOrderId)).toBe(true);
    }
    await broker.disconnect();
  }, 180_000);
});
