import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { StreamClient } from './support/stream-client.js';
import { ADMIN_KEY, bearer, startTestApp, type TestApp } from './support/test-app.js';

interface Envelope<T = Record<string, unknown>> {
  status: 'success' | 'error';
  data: T;
  message: string;
}
type Backtest = {
  id: string;
  status: string;
  progressPercent: number;
  error: string | null;
  symbol: string;
  timeframe: string | null;
  bars: number | null;
  statistics: Record<string, number | null> | null;
  trades?: { total: number; items: { open: boolean }[] };
};
type StreamedBacktest = { id: string; status: string; progressPercent: number };

const admin = bearer(ADMIN_KEY);
const GOOG = fileURLToPath(new URL('./fixtures/market-data/GOOG.csv', import.meta.url));

/** The shared GOOG daily file with the header the upload route reads. */
async function googCsv(): Promise<string> {
  const text = await readFile(GOOG, 'utf8');
  return text.replace(/^[^\n]*\n/, 'time,open,high,low,close,volume\n');
}

/** `bars` hourly bars of a seeded random walk: enough to keep a sweep busy for seconds. */
function syntheticCsv(bars: number): string {
  const lines = ['time,open,high,low,close'];
  let price = 100;
  let seed = 42;
  const start = Date.UTC(2020, 0, 1);
  for (let index = 0; index < bars; index += 1) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const next = price * (1 + (seed / 2 ** 31 - 0.5) * 0.02);
    const high = Math.max(price, next) * 1.001;
    const low = Math.min(price, next) * 0.999;
    lines.push(
      `${(start + index * 3_600_000) / 1000},${price.toFixed(4)},${high.toFixed(4)},${low.toFixed(4)},${next.toFixed(4)}`,
    );
    price = next;
  }
  return `${lines.join('\n')}\n`;
}

async function upload(t: TestApp, csv: string, symbol: string, timeframe: string): Promise<string> {
  const response = await t.http
    .post(`/market-data/upload?symbol=${symbol}&timeframe=${timeframe}`)
    .set(...admin)
    .set('Content-Type', 'text/csv')
    .send(csv);
  if (response.status !== 201) throw new Error(`upload failed: ${response.status} ${response.text}`);
  return (response.body as Envelope<{ id: string }>).data.id;
}

async function backtest(t: TestApp, id: string): Promise<Backtest> {
  return ((await t.http.get(`/backtest/${id}`).set(...admin)).body as Envelope<Backtest>).data;
}

async function until(t: TestApp, id: string, done: (backtest: Backtest) => boolean): Promise<Backtest> {
  for (let attempt = 0; attempt < 1200; attempt += 1) {
    const current = await backtest(t, id);
    if (done(current)) return current;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`backtest ${id} never reached the expected state`);
}

const finished = (current: Backtest) => !['queued', 'running'].includes(current.status);

/** A sweep of 2,000 combinations over `datasetId`: seconds of work on two threads. */
const bigSweep = (datasetId: string) => ({
  strategy: 'sma-crossover',
  datasetId,
  grid: {
    fast: Array.from({ length: 40 }, (_, i) => i + 2),
    slow: Array.from({ length: 50 }, (_, i) => i * 3 + 60),
  },
});

describe('Backtest jobs: datasets, cancel, progress on the stream, restarts (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({
      config: {
        accounts: [
          { name: 'paper', broker: 'paper', paper: { tickIntervalMs: 0, historyMinutes: 120, seed: 7 } },
        ],
        backtest: { workerThreads: 2 },
      },
    });
  });
  afterAll(() => t.close());

  it('backtests an uploaded dataset to completion, its timeframe taken from the dataset', async () => {
    const datasetId = await upload(t, await googCsv(), 'GOOG', '1d');
    const response = await t.http
      .post('/backtest/run')
      .set(...admin)
      .send({
        strategy: 'sma-crossover',
        parameters: { fast: 10, slow: 30 },
        datasetId,
        sizing: { kind: 'percent_of_equity', percent: 95 },
      });
    expect(response.status).toBe(202);
    const done = await until(t, (response.body as Envelope<Backtest>).data.id, finished);
    expect(done).toMatchObject({ status: 'completed', symbol: 'GOOG', timeframe: '1d', bars: 2148 });
    expect(done.statistics!.trades).toBeGreaterThan(10);
    // The statistics count closed trades; the list also shows one still open at the end.
    expect(done.trades!.items.filter((trade) => !trade.open)).toHaveLength(done.statistics!.trades!);

    const mixed = await t.http
      .post('/backtest/run')
      .set(...admin)
      .send({ strategy: 'sma-crossover', datasetId, symbols: ['GOOG'] });
    expect(mixed.status).toBe(400);
    const unknown = await t.http
      .post('/backtest/run')
      .set(...admin)
      .send({ strategy: 'sma-crossover', datasetId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.status).toBe(404);
  });

  it('pushes progress on the backtests channel and cancels a running job', async () => {
    const datasetId = await upload(t, syntheticCsv(30_000), 'SYN', '1h');
    const client = await StreamClient.connect(t.url, ADMIN_KEY);
    const streamed: { type: string; seq: number; data: StreamedBacktest }[] = [];
    client.socket.on('backtests', (event: { type: string; seq: number; data: StreamedBacktest }) =>
      streamed.push(event),
    );
    try {
      const ack = await client.request('subscribe', { channels: ['backtests'] });
      expect(ack.data?.subscriptions).toEqual([{ account: '*', channel: 'backtests' }]);

      const response = await t.http
        .post('/backtest/run')
        .set(...admin)
        .send(bigSweep(datasetId));
      expect(response.status).toBe(202);
      const id = (response.body as Envelope<Backtest>).data.id;
      const running = await until(
        t,
        id,
        (current) => current.status === 'running' && current.progressPercent > 0,
      );
      expect(running.progressPercent).toBeLessThan(100);

      const cancel = await t.http.delete(`/backtest/${id}`).set(...admin);
      expect(cancel.status).toBe(200);
      expect((cancel.body as Envelope<Backtest>).data.status).toBe('cancelled');
      const after = await until(t, id, finished);
      expect(after.status).toBe('cancelled');
      expect(after.statistics).toBeNull();
      // Cancelling again: it is over.
      expect((await t.http.delete(`/backtest/${id}`).set(...admin)).status).toBe(409);

      await client.waitFor(() =>
        streamed.some((event) => event.data.id === id && event.data.status === 'cancelled'),
      );
      const mine = streamed.filter((event) => event.type === 'delta' && event.data.id === id);
      expect(mine.map((event) => event.data.status)).toEqual(
        expect.arrayContaining(['queued', 'running', 'cancelled']),
      );
      expect(mine.some((event) => event.data.status === 'running' && event.data.progressPercent > 0)).toBe(
        true,
      );
      const deltas = streamed.filter((event) => event.type === 'delta');
      // One contiguous sequence after the snapshot.
      deltas.forEach((event, index) => expect(event.seq).toBe(streamed[0]!.seq + index + 1));
    } finally {
      client.socket.close();
    }
  });

  it('keeps results across a restart, and marks a job cut off by the restart failed, saying why', async () => {
    const datasetId = await upload(t, syntheticCsv(30_000), 'SYN2', '1h');
    const small = await t.http
      .post('/backtest/run')
      .set(...admin)
      .send({ strategy: 'ema-crossover', datasetId });
    const completed = await until(t, (small.body as Envelope<Backtest>).data.id, finished);
    expect(completed.status).toBe('completed');
    const big = await t.http
      .post('/backtest/run')
      .set(...admin)
      .send(bigSweep(datasetId));
    const cutOff = (big.body as Envelope<Backtest>).data.id;
    await until(t, cutOff, (current) => current.status === 'running');

    await t.app.close();
    t = await startTestApp({ dataDir: t.dataDir });

    const kept = await backtest(t, completed.id);
    expect(kept).toMatchObject({ status: 'completed', statistics: completed.statistics });
    expect(kept.trades!.total).toBe(completed.trades!.total);
    const report = await t.http.get(`/backtest/${completed.id}/report`).set(...admin);
    expect(report.status).toBe(200);
    expect(report.text).toContain(completed.id);

    const interrupted = await backtest(t, cutOff);
    expect(interrupted.status).toBe('failed');
    expect(interrupted.error).toContain('interrupted by a restart');
    expect((await t.http.get(`/backtest/${cutOff}/report`).set(...admin)).status).toBe(409);
  });
});
