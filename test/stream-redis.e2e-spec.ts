import { Redis } from 'ioredis';
import { postgres, TEST_DATABASE_URL } from './support/database-backends.js';
import { serviceAvailable, testRedisUrl } from './support/services.js';

/** This suite's own Redis database (see testRedisUrl). */
const REDIS_URL = testRedisUrl(1);
import { StreamClient } from './support/stream-client.js';
import { ADMIN_KEY, bearer, paperAccount, startTestApp, type TestApp } from './support/test-app.js';

const SHARED_PEPPER = 'stream-redis-replicas-share-this-pepper-0123';

const available =
  (await serviceAvailable('Redis', REDIS_URL)) && (await serviceAvailable('PostgreSQL', TEST_DATABASE_URL));

(available ? describe : describe.skip)('/ws/broker across two API processes on Redis', () => {
  const apps: TestApp[] = [];
  let client: StreamClient | undefined;
  let drop: () => Promise<void> = () => Promise.resolve();

  beforeAll(async () => {
    const redis = new Redis(REDIS_URL);
    const stale = await redis.keys('edgerunner:stream:*');
    if (stale.length > 0) await redis.del(...stale);
    await redis.quit();
    // Two replicas of one deployment: one database, one Redis, one API key pepper.
    const database = await postgres.create();
    drop = database.drop;
    for (let index = 0; index < 2; index += 1) {
      apps.push(
        await startTestApp({
          config: { accounts: [paperAccount()], throttle: { trade: { limit: 1000, ttlMs: 1000 } } },
          env: { REDIS_URL, EDGERUNNER_KEY_PEPPER: SHARED_PEPPER, ...database.env },
        }),
      );
    }
  });
  afterAll(async () => {
    client?.close();
    await Promise.all(apps.map((app) => app.close()));
    await drop();
  });

  it('shows a client on instance B the order placed through instance A, in one contiguous seq', async () => {
    const [a, b] = apps as [TestApp, TestApp];
    client = await StreamClient.connect(b.url, ADMIN_KEY);
    const watcher = client;
    await watcher.request('subscribe', { channels: ['orders'] });
    const snapshot = watcher.events.find((event) => event.type === 'snapshot');
    // Its own key: the /trade budget in Redis is shared by every suite that uses the admin key.
    const tradeKey = await a.createKey(['trade']);
    const placed: string[] = [];
    for (const clientOrderId of ['via-a-1', 'via-a-2']) {
      const response = await a.http
        .post('/trade')
        .set(...bearer(tradeKey))
        .send({ symbol: 'ETHUSDT', side: 'buy', type: 'market', quantity: '0.01', clientOrderId });
      expect(response.status).toBe(201);
      placed.push(response.body.data.id as string);
    }
    await watcher.waitFor(
      () => placed.every((id) => watcher.orders.get(id)?.status === 'filled'),
      5000,
      'both orders filled on B',
    );
    await watcher.waitFor(() => watcher.fills.length === 2, 5000, 'both fills on B');
    const deltas = watcher.deltas('orders');
    expect(deltas.map((event) => event.seq)).toEqual(
      deltas.map((_, index) => (snapshot?.seq ?? 0) + 1 + index),
    );
    expect(new Set(deltas.map((event) => event.epoch))).toEqual(new Set([snapshot?.epoch]));
    expect(watcher.gaps).toEqual([]);
    // A client on B that subscribes now finds the orders in its snapshot: both replicas read one database.
    const late = await StreamClient.connect(b.url, ADMIN_KEY);
    await late.request('subscribe', { channels: ['orders'] });
    expect(placed.every((id) => late.orders.get(id)?.status === 'filled')).toBe(true);
    late.close();
  });
});
