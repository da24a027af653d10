import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { BACKTEST_QUEUE_NAME } from '../src/strategy/execution/bullmq-backtest.queue.js';
import { BacktestChannel, type Backtest } from './support/backtest-channel.js';
import { postgres, TEST_DATABASE_URL } from './support/database-backends.js';
import { startServerProcess, type ServerProcess } from './support/server-process.js';
import { serviceAvailable, testRedisUrl } from './support/services.js';
import { ADMIN_KEY, paperAccount } from './support/test-app.js';
import { startWorkerProcess, type WorkerProcess } from './support/worker-process.js';

/** This suite's own Redis database (see testRedisUrl). */
const REDIS_URL = testRedisUrl(6);

interface Envelope<T> {
  data: T;
}

/** 30,000 hourly bars of a seeded walk: a 2,000-combination sweep over them runs for seconds. */
function syntheticCsv(): string {
  const lines = ['time,open,high,low,close'];
  let price = 100;
  let seed = 11;
  for (let index = 0; index < 30_000; index += 1) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const next = price * (1 + (seed / 2 ** 31 - 0.5) * 0.02);
    const epochSeconds = Date.UTC(2020, 0, 1) / 1000 + index * 3600;
    lines.push(
      `${epochSeconds},${price},${Math.max(price, next) * 1.001},${Math.min(price, next) * 0.999},${next}`,
    );
    price = next;
  }
  return `${lines.join('\n')}\n`;
}

const available =
  (await serviceAvailable('Redis', REDIS_URL)) && (await serviceAvailable('PostgreSQL', TEST_DATABASE_URL));

(available ? describe : describe.skip)(
  'Backtests run by a separate worker process (PostgreSQL, Redis)',
  () => {
    // A prefix of this run's own: no other run's workers take these jobs.
    const prefix = `edgerunner-test-${randomUUID()}`;
    let root: string;
    let dropDatabase: () => Promise<void>;
    /** What the API server and the workers share: the database, Redis, the config file. */
    let shared: Record<string, string>;
    let api: ServerProcess;
    let channel: BacktestChannel;
    let queue: Queue;
    const workers: WorkerProcess[] = [];

    const startWorker = async (): Promise<WorkerProcess> => {
      const worker = await startWorkerProcess({ ...shared, EDGERUNNER_DATA_DIR: join(root, 'worker') });
      workers.push(worker);
      return worker;
    };
    const call = async <T>(
      method: string,
      path: string,
      body?: unknown,
    ): Promise<{ status: number; data: T }> => {
      const response = await fetch(`${api.url}${path}`, {
        method,
        // A JSON content type with no body is a 400 of its own, so only a request with one says it.
        headers: {
          Authorization: `Bearer ${ADMIN_KEY}`,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: response.status, data: ((await response.json()) as Envelope<T>).data };
    };

    beforeAll(async () => {
      root = await mkdtemp(join(tmpdir(), 'edgerunner-worker-'));
      const database = await postgres.create();
      dropDatabase = database.drop;
      const config = join(root, 'edgerunner.json');
      await writeFile(
        config,
        JSON.stringify({ accounts: [paperAccount()], backtest: { queuePrefix: prefix, workerThreads: 2 } }),
      );
      shared = { ...database.env, REDIS_URL, EDGERUNNER_CONFIG: config, LOG_LEVEL: 'info', NODE_ENV: 'test' };
      api = await startServerProcess({
        ...shared,
        EDGERUNNER_DATA_DIR: join(root, 'api'),
        EDGERUNNER_API_KEY: ADMIN_KEY,
        EDGERUNNER_BACKTEST_WORKER: 'false',
      });
      channel = await BacktestChannel.open(api.url);
      queue = new Queue(BACKTEST_QUEUE_NAME, { connection: { url: REDIS_URL }, prefix });
    });
    afterAll(async () => {
      channel?.close();
      await Promise.all(workers.map((worker) => worker.stop()));
      await api?.stop();
      await queue?.close();
      const redis = new Redis(REDIS_URL);
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length > 0) await redis.del(...keys);
      await redis.quit();
      await dropDatabase?.();
      await rm(root, { recursive: true, force: true });
    });

    it('leaves a queued job to the worker, whose progress reaches a client of the API, and completes it', async () => {
      const to = new Date(Math.floor(Date.now() / 60_000) * 60_000);
      const submitted = await call<Backtest>('POST', '/backtest/run', {
        strategy: 'sma-crossover',
        parameters: { fast: 3, slow: 8 },
        account: 'paper',
        symbols: ['BTCUSDT'],
        timeframe: '1m',
        from: new Date(to.getTime() - 115 * 60_000).toISOString(),
        to: to.toISOString(),
      });
      expect(submitted).toMatchObject({ status: 202, data: { status: 'queued' } });
      const { id } = submitted.data;

      // Nobody runs it yet: it waits in Redis, and the API server runs no BullMQ worker at all.
      expect(await queue.getJobState(id)).toBe('waiting');
      expect(await queue.getWorkers()).toHaveLength(0);
      expect((await call<Backtest>('GET', `/backtest/${id}`)).data.status).toBe('queued');

      const workerStartedAt = Date.now();
      const worker = await startWorker();
      await channel.until(`${id} completed`, () => channel.of(id).some((job) => job.status === 'completed'));

      const done = (await call<Backtest>('GET', `/backtest/${id}`)).data;
      expect(done).toMatchObject({ status: 'completed', progressPercent: 100 });
      expect(done.statistics?.trades).toBeGreaterThan(0);
      // It started only once the worker was there: the API had not run it.
      expect(Date.parse(done.startedAt ?? '')).toBeGreaterThanOrEqual(workerStartedAt);
      expect(await queue.getWorkers()).toHaveLength(1);

      // 'queued' from the API, then 'running' and 'completed' from the worker, on one numbered stream.
      const statuses = channel.of(id).map((job) => job.status);
      expect(statuses[0]).toBe('queued');
      expect(statuses).toContain('running');
      expect(statuses.at(-1)).toBe('completed');
      const seqs = channel.deltas.filter((event) => event.epoch === channel.epoch).map((event) => event.seq);
      expect(seqs).toEqual(seqs.map((_, index) => seqs[0]! + index));

      const report = await fetch(`${api.url}/backtest/${id}/report`, {
        headers: { Authorization: `Bearer ${ADMIN_KEY}` },
      });
      expect(report.status).toBe(200);
      expect(await worker.stop()).toBe('SIGTERM');
    });

    it('hands a running job back to the queue when its worker is stopped, and another worker takes it', async () => {
      const upload = await fetch(`${api.url}/market-data/upload?symbol=SYN&timeframe=1h`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${ADMIN_KEY}`, 'Content-Type': 'text/csv' },
        body: syntheticCsv(),
      });
      expect(upload.status).toBe(201);
      const datasetId = ((await upload.json()) as Envelope<{ id: string }>).data.id;
      const submitted = await call<Backtest>('POST', '/backtest/run', {
        strategy: 'sma-crossover',
        datasetId,
        grid: {
          fast: Array.from({ length: 40 }, (_, i) => i + 2),
          slow: Array.from({ length: 50 }, (_, i) => i * 3 + 60),
        },
      });
      expect(submitted.status).toBe(202);
      const { id } = submitted.data;
      const runs = (): number => channel.of(id).filter((job) => job.status === 'running').length;

      const first = await startWorker();
      await channel.until(`${id} running`, () => runs() > 0);
      // SIGTERM: Nest closes the worker and ends the process with the same signal, as the server does.
      expect(await first.stop()).toBe('SIGTERM');
      const requeued = (await call<Backtest>('GET', `/backtest/${id}`)).data;
      expect(requeued).toMatchObject({ status: 'queued', progressPercent: 0, startedAt: null });
      expect(await queue.getJobState(id)).toBe('waiting');
      await channel.until(`${id} queued again`, () => channel.of(id).at(-1)?.status === 'queued');

      const runsBefore = runs();
      const second = await startWorker();
      await channel.until(`${id} running again`, () => runs() > runsBefore);
      // Cancelled through the API, the job stops in the worker at its next heartbeat.
      const cancelled = await call<Backtest>('DELETE', `/backtest/${id}`);
      expect(cancelled).toMatchObject({ status: 200, data: { status: 'cancelled' } });
      await channel.until(`${id} cancelled`, () => channel.of(id).at(-1)?.status === 'cancelled');
      expect(await second.stop()).toBe('SIGTERM');
      expect((await call<Backtest>('GET', `/backtest/${id}`)).data.status).toBe('cancelled');
    });
  },
);

describe('a backtest worker or API server that could never run the jobs', () => {
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'edgerunner-worker-refusals-'));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('refuses to start a worker without REDIS_URL or DATABASE_URL, in one line naming it', async () => {
    const base = { EDGERUNNER_DATA_DIR: root, NODE_ENV: 'test' };
    await expect(startWorkerProcess(base)).rejects.toThrow(
      /exited \(1\)[\s\S]*Edgerunner backtest worker cannot start: REDIS_URL is required/,
    );
    await expect(startWorkerProcess({ ...base, REDIS_URL: 'redis://127.0.0.1:1' })).rejects.toThrow(
      /exited \(1\)[\s\S]*cannot start: DATABASE_URL is required.*embedded/,
    );
  });

  it('refuses an API server that runs no backtests when there is no Redis queue to leave them on', async () => {
    const server = await startServerProcess({
      EDGERUNNER_DATA_DIR: root,
      EDGERUNNER_BACKTEST_WORKER: 'false',
      NODE_ENV: 'test',
    });
    expect(await server.stop()).toBe(1);
    expect(server.stderr()).toMatch(
      /^Edgerunner cannot start: EDGERUNNER_BACKTEST_WORKER=false needs REDIS_URL: .*\n$/,
    );
  });
});
