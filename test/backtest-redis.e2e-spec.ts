import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { serviceAvailable, testRedisUrl } from './support/services.js';

/** This suite's own Redis database (see testRedisUrl). */
const REDIS_URL = testRedisUrl(4);
import { ADMIN_KEY, bearer, paperAccount, startTestApp, type TestApp } from './support/test-app.js';

interface Envelope<T> {
  data: T;
}
type Backtest = {
  id: string;
  status: string;
  progressPercent: number;
  statistics: Record<string, number> | null;
};

const available = await serviceAvailable('Redis', REDIS_URL);
const admin = bearer(ADMIN_KEY);

(available ? describe : describe.skip)('Backtest jobs on BullMQ (REDIS_URL set)', () => {
  // A prefix of this run's own: other runs on the same Redis never see these jobs.
  const prefix = `edgerunner-test-${randomUUID()}`;
  let t: TestApp;
  let redis: Redis;

  beforeAll(async () => {
    redis = new Redis(REDIS_URL);
    t = await startTestApp({
      config: { accounts: [paperAccount()], backtest: { queuePrefix: prefix, workerThreads: 2 } },
      env: { REDIS_URL },
    });
  });
  afterAll(async () => {
    await t.close();
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  const range = () => {
    const to = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    return { from: new Date(to.getTime() - 115 * 60_000).toISOString(), to: to.toISOString() };
  };

  async function until(id: string, done: (backtest: Backtest) => boolean): Promise<Backtest> {
    for (let attempt = 0; attempt < 600; attempt += 1) {
      const current = ((await t.http.get(`/backtest/${id}`).set(...admin)).body as Envelope<Backtest>).data;
      if (done(current)) return current;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`backtest ${id} never reached the expected state`);
  }

  it('runs a job taken from the queue in Redis to completion', async () => {
    const response = await t.http
      .post('/backtest/run')
      .set(...admin)
      .send({
        strategy: 'sma-crossover',
        parameters: { fast: 3, slow: 8 },
        symbols: ['BTCUSDT'],
        timeframe: '1m',
        ...range(),
      });
    expect(response.status).toBe(202);
    const id = (response.body as Envelope<Backtest>).data.id;
    const done = await until(id, (current) => current.status === 'completed');
    expect(done.statistics?.trades).toBeGreaterThan(0);
    // The job went through this run's queue: BullMQ's keys exist under its prefix.
    expect(await redis.keys(`${prefix}:backtests:*`)).not.toHaveLength(0);
  });

  it('cancels a running job from the queue', async () => {
    // 30,000 bars of a wave: 2,000 combinations over them keep two threads busy for seconds.
    const lines = ['time,open,high,low,close'];
    let price = 100;
    for (let index = 0; index < 30_000; index += 1) {
      const next = price * (1 + Math.sin(index * 12.9898) * 0.01);
      const epochSeconds = Date.UTC(2020, 0, 1) / 1000 + index * 3600;
      lines.push(
        `${epochSeconds},${price},${Math.max(price, next) * 1.001},${Math.min(price, next) * 0.999},${next}`,
      );
      price = next;
    }
    const uploaded = await t.http
      .post('/market-data/upload?symbol=SYN&timeframe=1h')
      .set(...admin)
      .set('Content-Type', 'text/csv')
      .send(`${lines.join('\n')}\n`);
    expect(uploaded.status).toBe(201);
    const datasetId = (uploaded.body as Envelope<{ id: string }>).data.id;
    const values = (length: number, start: number, step: number) =>
      Array.from({ length }, (_, i) => start + i * step);
    const response = await t.http
      .post('/backtest/run')
      .set(...admin)
      .send({
        strategy: 'ema-crossover',
        grid: { fast: values(40, 2, 1), slow: values(50, 60, 3) },
        datasetId,
      });
    expect(response.status).toBe(202);
    const id = (response.body as Envelope<Backtest>).data.id;
    await until(id, (current) => current.status === 'running' && current.progressPercent > 0);
    const cancel = await t.http.delete(`/backtest/${id}`).set(...admin);
    expect((cancel.body as Envelope<Backtest>).data.status).toBe('cancelled');
    expect((await until(id, (current) => current.status !== 'running')).status).toBe('cancelled');
  });
});
