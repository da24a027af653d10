import { LogCapture } from './support/log-capture.js';
import { ADMIN_KEY, bearer, paperAccount, startTestApp, type TestApp } from './support/test-app.js';

interface WebhookBody {
  id: string;
  name: string;
  account: string;
  strategy: string;
  symbols: string[];
  replayWindowSeconds: number;
  secretHint: string;
  path: string;
  revokedAt: string | null;
}
interface CreatedWebhookBody extends WebhookBody {
  secret: string;
  messageTemplate: string;
}
interface OrderBody {
  id: string;
  status: string;
  side: string;
  quantity: string;
  symbol: string;
  strategy: string | null;
}

/** TradingView's {{timenow}}: UTC to the second. */
const timenow = (offsetSeconds = 0): string =>
  new Date(Date.now() + offsetSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');

describe('TradingView webhooks: alerts fire signals at a strategy', () => {
  const logs = new LogCapture();
  const auth = bearer(ADMIN_KEY);
  let app: TestApp;
  let webhook: CreatedWebhookBody;
  let alertCount = 0;

  const createWebhook = (body: Record<string, unknown>) =>
    app.http
      .post('/webhooks')
      .set(...auth)
      .send(body);
  /** A filled-in message template: a fresh alert id unless one is given. */
  const alert = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
    secret: webhook.secret,
    alertId: `${timenow()}-Long-${++alertCount}`,
    time: timenow(),
    symbol: 'BTCUSDT',
    side: 'buy',
    quantity: '0.01',
    ...overrides,
  });
  const post = (body: Record<string, unknown>, path = webhook.path) => app.http.post(path).send(body);
  const liveOrders = async (): Promise<OrderBody[]> =>
    ((await app.http.get('/orders?limit=100').set(...auth)).body.data.items as OrderBody[]).filter(
      (order) => order.status !== 'rejected',
    );

  beforeAll(async () => {
    app = await startTestApp({
      logs,
      config: { accounts: [paperAccount()], throttle: { trade: { limit: 1000, ttlMs: 1000 } } },
    });
    const created = await createWebhook({
      name: 'btc-crossover',
      account: 'paper',
      strategy: 'sma-crossover',
      symbols: ['BTCUSDT'],
    });
    expect(created.status).toBe(201);
    webhook = created.body.data as CreatedWebhookBody;
  });
  afterAll(() => app.close());

  it('creates a webhook whose secret and message template are shown once, never listed', async () => {
    expect(webhook).toEqual(
      expect.objectContaining({
        account: 'paper',
        strategy: 'sma-crossover',
        symbols: ['BTCUSDT'],
        replayWindowSeconds: 300,
        path: `/webhooks/tradingview/${webhook.id}`,
        secretHint: webhook.secret.slice(-4),
        revokedAt: null,
      }),
    );
    expect(webhook.secret).toMatch(/^whs_[A-Za-z0-9_-]{43}$/);
    expect(JSON.parse(webhook.messageTemplate)).toEqual({
      secret: webhook.secret,
      alertId: '{{timenow}}-{{strategy.order.id}}',
      time: '{{timenow}}',
      symbol: '{{ticker}}',
      side: '{{strategy.order.action}}',
      quantity: '{{strategy.order.contracts}}',
    });
    const listed = await app.http.get('/webhooks').set(...auth);
    const one = await app.http.get(`/webhooks/${webhook.id}`).set(...auth);
    for (const response of [listed, one]) {
      expect(response.status).toBe(200);
      expect(response.text).not.toContain(webhook.secret);
      expect(response.text).not.toMatch(/secretHash/);
    }
    expect((listed.body.data as WebhookBody[]).map((each) => each.id)).toContain(webhook.id);
    expect((one.body.data as WebhookBody).secretHint).toBe(webhook.secretHint);
  });

  it('refuses a webhook on an unknown account or strategy, without symbols, or with a bad window', async () => {
    const valid = { name: 'x', account: 'paper', strategy: 'sma-crossover', symbols: ['BTCUSDT'] };
    expect((await createWebhook({ ...valid, account: 'nope' })).status).toBe(404);
    expect((await createWebhook({ ...valid, strategy: 'nope' })).status).toBe(404);
    expect((await createWebhook({ ...valid, symbols: [] })).status).toBe(400);
    expect((await createWebhook({ ...valid, replayWindowSeconds: 4 })).status).toBe(400);
    expect((await createWebhook({ ...valid, replayWindowSeconds: 3601 })).status).toBe(400);
    const tradeKey = await app.createKey(['trade']);
    expect(
      (
        await app.http
          .post('/webhooks')
          .set(...bearer(tradeKey))
          .send(valid)
      ).status,
    ).toBe(403);
    expect((await app.http.get('/webhooks')).status).toBe(401);
  });

  it('places a paper order carrying the strategy, and refuses the same alert again with the first order id', async () => {
    const before = (await liveOrders()).length;
    const sent = alert({ side: 'BUY', quantity: 0.01 });
    const first = await post(sent);
    expect(first.status).toBe(201);
    const order = first.body.data as OrderBody;
    expect(order).toEqual(
      expect.objectContaining({
        symbol: 'BTCUSDT',
        side: 'buy',
        quantity: '0.01',
        strategy: 'sma-crossover',
      }),
    );
    const again = await post(sent);
    expect(again.status).toBe(409);
    expect(again.body.data).toEqual(expect.objectContaining({ reason: 'replayed', orderId: order.id }));
    expect((await liveOrders()).length).toBe(before + 1);
    const trades = await app.http.get('/trades?strategy=sma-crossover').set(...auth);
    expect(trades.body.data.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ orderId: order.id })]),
    );
  });

  it('trades one of two deliveries of an alert arriving at once', async () => {
    const before = (await liveOrders()).length;
    const sent = alert();
    const statuses = (await Promise.all([post(sent), post(sent)])).map((response) => response.status);
    expect(statuses.sort()).toEqual([201, 409]);
    expect((await liveOrders()).length).toBe(before + 1);
  });

  it('takes a JSON message sent as text/plain, and refuses one that is not JSON', async () => {
    const plain = await app.http
      .post(webhook.path)
      .set('Content-Type', 'text/plain')
      .send(JSON.stringify(alert({ side: 'sell' })));
    expect(plain.status).toBe(201);
    expect((plain.body.data as OrderBody).side).toBe('sell');
    const garbage = await app.http.post(webhook.path).set('Content-Type', 'text/plain').send('BTCUSDT buy');
    expect(garbage.status).toBe(400);
    expect(garbage.body.data).toEqual({ reason: 'bad_payload' });
  });

  it('refuses a wrong secret, a stale time, a symbol not listed and a malformed alert, trading none', async () => {
    const before = (await liveOrders()).length;
    const wrong = await post(alert({ secret: `whs_${'A'.repeat(43)}` }));
    expect(wrong.status).toBe(401);
    expect((await post(alert({ secret: undefined }))).status).toBe(401);
    const stale = await post(alert({ time: timenow(-301) }));
    expect(stale.status).toBe(422);
    expect(stale.body.data).toEqual(expect.objectContaining({ reason: 'expired', replayWindowSeconds: 300 }));
    expect((await post(alert({ time: timenow(3600) }))).status).toBe(422);
    const symbol = await post(alert({ symbol: 'ETHUSDT' }));
    expect(symbol.status).toBe(403);
    expect(symbol.body.data).toEqual(expect.objectContaining({ reason: 'symbol_not_allowed' }));
    const malformed = await post(alert({ quantity: undefined }));
    expect(malformed.status).toBe(400);
    expect(JSON.stringify(malformed.body)).toMatch(/quantity or percentOfEquity is required with side/);
    expect((await post(alert({ targetPosition: '0' }))).status).toBe(400);
    expect((await post(alert(), '/webhooks/tradingview/wh_0000000000000000')).status).toBe(404);
    expect((await liveOrders()).length).toBe(before);
  });

  it('refuses an alert under the kill switch without trading it, and its alert id stays spent', async () => {
    const before = (await liveOrders()).length;
    await app.http
      .post('/risk/kill-switch')
      .set(...auth)
      .send({ enabled: true })
      .expect(200);
    const sent = alert();
    const refused = await post(sent);
    await app.http
      .post('/risk/kill-switch')
      .set(...auth)
      .send({ enabled: false })
      .expect(200);
    expect(refused.status).toBe(422);
    expect(refused.body.message).toMatch(/kill switch/i);
    const retried = await post({ ...sent, time: timenow() });
    expect(retried.status).toBe(409);
    expect(retried.body.data).toEqual(expect.objectContaining({ reason: 'replayed', orderId: null }));
    expect((await liveOrders()).length).toBe(before);
  });

  it('refuses every alert once the webhook is revoked', async () => {
    const revoked = await app.http.delete(`/webhooks/${webhook.id}`).set(...auth);
    expect(revoked.status).toBe(200);
    expect((revoked.body.data as WebhookBody).revokedAt).not.toBeNull();
    expect((await post(alert())).status).toBe(404);
    expect((await app.http.delete('/webhooks/wh_0000000000000000').set(...auth)).status).toBe(404);
  });

  it('logs every refusal under its reason and never the secret', () => {
    const text = logs.text();
    expect(text).not.toContain(webhook.secret);
    const messages = logs.messages().join('\n');
    for (const reason of [
      'replayed',
      'bad_payload',
      'bad_secret',
      'expired',
      'symbol_not_allowed',
      'unknown_webhook',
      'revoked',
    ]) {
      expect(messages).toMatch(new RegExp(`tradingview signal .* refused \\(${reason}\\)`));
    }
    // Past the webhook's own checks the signal service records the refusal, under the order path's reason.
    expect(messages).toMatch(/tradingview signal .* of sma-crossover refused \(.*\): .*kill switch/);
  });
});

describe('A TradingView webhook under a flood', () => {
  it('takes the /trade budget per webhook and refuses the rest with 429 and Retry-After, never trading them', async () => {
    const app = await startTestApp({
      config: { accounts: [paperAccount()], throttle: { trade: { limit: 2, ttlMs: 60_000 } } },
    });
    try {
      const created = await app.http
        .post('/webhooks')
        .set(...bearer(ADMIN_KEY))
        .send({ name: 'flood', account: 'paper', strategy: 'sma-crossover', symbols: ['BTCUSDT'] });
      const { secret, path } = created.body.data as CreatedWebhookBody;
      const fire = (n: number) =>
        app.http.post(path).send({
          secret,
          alertId: `flood-${n}`,
          time: timenow(),
          symbol: 'BTCUSDT',
          side: 'buy',
          quantity: '0.01',
        });
      expect((await fire(1)).status).toBe(201);
      expect((await fire(2)).status).toBe(201);
      const refused = await fire(3);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(refused.body.message).toMatch(/at most 2 per 60 s for this webhook/);
      const orders = (await app.http.get('/orders?limit=10').set(...bearer(ADMIN_KEY))).body.data
        .items as unknown[];
      expect(orders).toHaveLength(2);
    } finally {
      await app.close();
    }
  });
});
