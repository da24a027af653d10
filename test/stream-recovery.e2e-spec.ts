import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StreamClient } from './support/stream-client.js';
import { ADMIN_KEY, bearer, paperAccount, startTestApp, type TestApp } from './support/test-app.js';

const config = (extra: Record<string, unknown> = {}) => ({
  accounts: [paperAccount()],
  throttle: { trade: { limit: 1000, ttlMs: 1000 } },
  sync: { pnlIntervalMs: 10 },
  ...extra,
});

describe('the /ws/broker stream across a server restart', () => {
  let app: TestApp | undefined;
  let client: StreamClient | undefined;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'edgerunner-restart-'));
  });
  afterAll(async () => {
    client?.close();
    await app?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('gives a client that reconnects to the restarted server a fresh view with every order in it', async () => {
    const first = await startTestApp({ config: config(), dataDir });
    app = first;
    const port = Number(new URL(first.url).port);
    const subscribe = { channels: ['orders', 'positions'] };
    client = await StreamClient.connect(first.url, ADMIN_KEY, { reconnection: true });
    const watcher = client;
    await watcher.request('subscribe', subscribe);
    const before = await first.http
      .post('/trade')
      .set(...bearer(ADMIN_KEY))
      .send({
        symbol: 'ETHUSDT',
        side: 'buy',
        type: 'market',
        quantity: '0.05',
        clientOrderId: 'pre-restart',
      });
    await watcher.waitFor(() => watcher.orders.get(before.body.data.id)?.status === 'filled');
    const epochBefore = watcher.events[watcher.events.length - 1]?.epoch;

    await first.close();
    app = undefined;
    // As a UI does: subscribe again on every (re)connection.
    const resubscribed = new Promise<void>((resolve) =>
      watcher.socket.once('connect', () => {
        void watcher.request('subscribe', subscribe).then(() => resolve());
      }),
    );
    app = await startTestApp({ config: config(), dataDir, port });
    await resubscribed;
    const restarted = app;

    const after = await restarted.http
      .post('/trade')
      .set(...bearer(ADMIN_KEY))
      .send({
        symbol: 'ETHUSDT',
        side: 'buy',
        type: 'market',
        quantity: '0.05',
        clientOrderId: 'post-restart',
      });
    await watcher.waitFor(() => watcher.orders.get(after.body.data.id)?.status === 'filled');
    await watcher.waitFor(
      () => watcher.positions?.find((position) => position.symbol === 'ETHUSDT')?.quantity === '0.1',
      5000,
      'both orders in the position',
    );
    const snapshot = watcher.events
      .filter((event) => event.type === 'snapshot' && event.channel === 'orders')
      .pop();
    expect(snapshot?.epoch).not.toBe(epochBefore);
    // The order from before the restart is in the new snapshot, as storage kept it.
    expect(snapshot?.data.orders?.map((order) => order.clientOrderId)).toContain('pre-restart');
    expect(watcher.orders.get(before.body.data.id)?.status).toBe('filled');
  });
});

describe('prices on the /ws/broker stream', () => {
  let app: TestApp;
  let client: StreamClient;
  beforeAll(async () => {
    app = await startTestApp({ config: config({ stream: { pricesMaxHz: 5 } }) });
    client = await StreamClient.connect(app.url, ADMIN_KEY);
  });
  afterAll(async () => {
    client.close();
    await app.close();
  });

  it('coalesces a fast feed to the configured rate, ending on the latest quote, with no seq gaps', async () => {
    await client.request('subscribe', { channels: ['prices'], symbols: ['BTCUSDT'] });
    const paper = app.paper();
    const startedAt = Date.now();
    for (let step = 0; step < 100; step += 1) {
      paper.setQuote('BTCUSDT', String(60000 + step), String(60001 + step));
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const elapsedS = (Date.now() - startedAt) / 1000;
    await client.waitFor(() => client.prices.get('BTCUSDT')?.bid === '60099', 3000, 'the last quote');
    const deltas = client.deltas('prices');
    // 100 quotes in ~0.5-1 s at 5 Hz: the first at once, then one per 200 ms, and the last.
    expect(deltas.length).toBeLessThanOrEqual(Math.ceil(elapsedS * 5) + 2);
    expect(deltas.length).toBeGreaterThanOrEqual(2);
    expect(client.gaps).toEqual([]);
    expect(deltas.every((event) => event.data.symbol === 'BTCUSDT')).toBe(true);
  });
});
