import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseBackends } from './support/database-backends.js';
import { ADMIN_KEY, bearer, paperAccount, startTestApp, type TestApp } from './support/test-app.js';

interface OrderBody {
  id: string;
  clientOrderId: string;
  status: string;
  filledQuantity: string;
  events?: { status: string; source: string }[];
}

const backends = await databaseBackends();
const config = { accounts: [paperAccount()], throttle: { trade: { limit: 1000, ttlMs: 1000 } } };

describe.each(backends)('orders on $name survive a restart and are never doubled', (backend) => {
  let dataDir: string;
  let env: Record<string, string>;
  let drop: () => Promise<void>;
  let t: TestApp;
  const auth = bearer(ADMIN_KEY);
  const trade = (app: TestApp, body: Record<string, unknown>) =>
    app.http
      .post('/trade')
      .set(...auth)
      .send(body);

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), `edgerunner-durable-${backend.name}-`));
    ({ env, drop } = await backend.create());
    t = await startTestApp({ dataDir, env, config });
  });
  afterAll(async () => {
    await t.close();
    await drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('answers twenty concurrent identical requests with one order and twenty identical answers', async () => {
    const body = {
      symbol: 'ETHUSDT',
      side: 'buy',
      type: 'limit',
      quantity: '0.1',
      price: '1000',
      clientOrderId: 'twenty',
    };
    const responses = await Promise.all(Array.from({ length: 20 }, () => trade(t, body)));
    expect(responses.map((response) => response.status)).toEqual(Array.from({ length: 20 }, () => 201));
    const ids = new Set(responses.map((response) => (response.body as { data: OrderBody }).data.id));
    expect(ids.size).toBe(1);
    const atBroker = (await t.paper().getOpenOrders()).filter((order) => order.clientOrderId === 'twenty');
    expect(atBroker).toHaveLength(1);

    const changed = await trade(t, { ...body, quantity: '0.2' });
    expect(changed.status).toBe(409);
  });

  it('keeps orders, their trail and the broker state across a restart', async () => {
    t.paper().setQuote('BTCUSDT', '65000', '65000.1');
    const market = await trade(t, {
      symbol: 'BTCUSDT',
      side: 'buy',
      type: 'market',
      quantity: '0.01',
      clientOrderId: 'keep-market',
    });
    const resting = await trade(t, {
      symbol: 'BTCUSDT',
      side: 'buy',
      type: 'limit',
      quantity: '0.002',
      price: '60000',
      clientOrderId: 'keep-resting',
    });
    expect([market.status, resting.status]).toEqual([201, 201]);
    const restingId = (resting.body as { data: OrderBody }).data.id;

    await t.close();
    t = await startTestApp({ dataDir, env, config });

    const page = await t.http.get('/orders?limit=50').set(...auth);
    const byClientId = new Map(
      (page.body.data.items as OrderBody[]).map((order) => [order.clientOrderId, order]),
    );
    expect(byClientId.get('keep-market')?.status).toBe('filled');
    expect(byClientId.get('keep-resting')?.status).toBe('submitted');
    const positions = await t.http.get('/positions').set(...auth);
    expect(positions.body.data).toEqual(
      expect.arrayContaining([expect.objectContaining({ symbol: 'BTCUSDT', quantity: '0.01' })]),
    );

    const retried = await trade(t, {
      symbol: 'BTCUSDT',
      side: 'buy',
      type: 'limit',
      quantity: '0.002',
      price: '60000',
      clientOrderId: 'keep-resting',
    });
    expect(retried.status).toBe(201);
    expect(retried.body.data.id).toBe(restingId);

    t.paper().setQuote('BTCUSDT', '59999.9', '60000');
    // Broker callbacks are applied asynchronously: wait for the fill to land.
    let filled = await t.http.get(`/orders/${restingId}`).set(...auth);
    for (let attempt = 0; attempt < 50 && filled.body.data.status !== 'filled'; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      filled = await t.http.get(`/orders/${restingId}`).set(...auth);
    }
    expect(filled.body.data).toEqual(expect.objectContaining({ status: 'filled', filledQuantity: '0.002' }));
    expect((filled.body.data as OrderBody).events?.map((event) => [event.status, event.source])).toEqual([
      ['new', 'request'],
      ['submitted', 'broker'],
      ['filled', 'broker'],
    ]);
  });

  it('pages through orders with a cursor, each exactly once', async () => {
    for (let index = 0; index < 7; index += 1) {
      const response = await trade(t, {
        symbol: 'AAPL',
        side: 'buy',
        type: 'limit',
        quantity: '1',
        price: '100',
        clientOrderId: `page-${index}`,
      });
      expect(response.status).toBe(201);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const response = await t.http.get(`/orders?symbol=AAPL&limit=3${query}`).set(...auth);
      expect(response.status).toBe(200);
      seen.push(...(response.body.data.items as OrderBody[]).map((order) => order.clientOrderId));
      cursor = response.body.data.nextCursor as string | null;
    } while (cursor);
    // Orders of the same millisecond are ordered by id, so compare as a set: every order, once.
    expect(seen).toHaveLength(7);
    expect([...seen].sort()).toEqual(['page-0', 'page-1', 'page-2', 'page-3', 'page-4', 'page-5', 'page-6']);
  });

  it('refuses a period without a time zone, which would mean the server’s local time', async () => {
    const response = await t.http.get('/orders?from=2026-01-01T00:00:00').set(...auth);
    expect(response.status).toBe(400);
    expect(response.body.message).toMatch(/from must be a UTC ISO 8601 time/);
  });
});
