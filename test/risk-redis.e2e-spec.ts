import { postgres, TEST_DATABASE_URL } from './support/database-backends.js';
import { serviceAvailable, testRedisUrl } from './support/services.js';
import { ADMIN_KEY, bearer, paperAccount, startTestApp, type TestApp } from './support/test-app.js';

/** This suite's own Redis database (see testRedisUrl). */
const REDIS_URL = testRedisUrl(5);
const auth = bearer(ADMIN_KEY);
/** Replicas on one database share one pepper, as the README's deployment section says. */
const PEPPER = 'replica-pepper-'.repeat(4);
const RESTING = { symbol: 'BTCUSDT', side: 'buy', type: 'limit', quantity: '0.001', price: '1000' };

const available =
  (await serviceAvailable('PostgreSQL', TEST_DATABASE_URL)) && (await serviceAvailable('Redis', REDIS_URL));

(available ? describe : describe.skip)('the kill switch across two replicas on PostgreSQL and Redis', () => {
  const apps: TestApp[] = [];
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const database = await postgres.create();
    drop = database.drop;
    const config = { accounts: [paperAccount()], throttle: { trade: { limit: 1_000_000, ttlMs: 1000 } } };
    for (let index = 0; index < 2; index += 1)
      apps.push(
        await startTestApp({ config, env: { ...database.env, REDIS_URL, EDGERUNNER_KEY_PEPPER: PEPPER } }),
      );
  });
  afterAll(async () => {
    // One after the other, as a rolling restart would: each replica's Redis clients close while the other's
    // still answer. (Once in CI, closing both at once failed with ioredis' "Connection is closed".)
    for (const app of apps) await app.close();
    await drop();
  });

  it('refuses orders on the other replica within milliseconds of one replica turning it on, and takes orders again once off', async () => {
    const [a, b] = apps as [TestApp, TestApp];
    const place = (app: TestApp, clientOrderId: string) =>
      app.http
        .post('/trade')
        .set(...auth)
        .send({ ...RESTING, clientOrderId });
    const flip = (app: TestApp, enabled: boolean) =>
      app.http
        .post('/risk/kill-switch')
        .set(...auth)
        .send({ enabled, reason: 'replica test' });

    // B has just checked the switch (off) for an order: it holds it in memory.
    expect((await place(b, 'before')).status).toBe(201);
    expect((await flip(a, true)).status).toBe(200);
    // Well within the cache's one-second bound: only A's announcement through Redis can have told B.
    let refused = await place(b, 'during');
    for (let attempt = 0; attempt < 20 && refused.status === 201; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      refused = await place(b, `during-${attempt}`);
    }
    expect(refused.status).toBe(422);
    expect(refused.body.message).toMatch(/kill switch/i);
    expect((await flip(a, false)).status).toBe(200);
    let accepted = await place(b, 'after');
    for (let attempt = 0; attempt < 20 && accepted.status !== 201; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      accepted = await place(b, `after-${attempt}`);
    }
    expect(accepted.status).toBe(201);
  });
});
