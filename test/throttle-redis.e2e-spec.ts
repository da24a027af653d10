import { Redis } from 'ioredis';
import { ADMIN_KEY, bearer, paperAccount, startTestApp, type TestApp } from './support/test-app.js';
import { serviceAvailable, testRedisUrl } from './support/services.js';

/** This suite's own Redis database (see testRedisUrl). */
const REDIS_URL = testRedisUrl(2);

const available = await serviceAvailable('Redis', REDIS_URL);

(available ? describe : describe.skip)('/trade rate limit shared through Redis by two API instances', () => {
  const apps: TestApp[] = [];

  beforeAll(async () => {
    const redis = new Redis(REDIS_URL);
    const stale = await redis.keys('edgerunner:throttle:*');
    if (stale.length > 0) await redis.del(...stale);
    await redis.quit();
    for (let index = 0; index < 2; index += 1) {
      apps.push(
        await startTestApp({
          config: { accounts: [paperAccount()], throttle: { trade: { limit: 3, ttlMs: 60_000 } } },
          env: { REDIS_URL },
        }),
      );
    }
  });
  afterAll(() => Promise.all(apps.map((app) => app.close())));

  it('counts one key across both instances', async () => {
    const [a, b] = apps as [TestApp, TestApp];
    const order = { symbol: 'BTCUSDT', side: 'buy', type: 'limit', quantity: '0.001', price: '1000' };
    const statuses: number[] = [];
    for (const app of [a, b, a]) {
      statuses.push(
        (
          await app.http
            .post('/trade')
            .set(...bearer(ADMIN_KEY))
            .send(order)
        ).status,
      );
    }
    const fourth = await b.http
      .post('/trade')
      .set(...bearer(ADMIN_KEY))
      .send(order);
    expect(statuses).toEqual([201, 201, 201]);
    expect(fourth.status).toBe(429);
    expect(fourth.headers['retry-after']).toMatch(/^\d+$/);
  });
});
