import { jest } from '@jest/globals';
import { BrokerAuthenticationError, PaperAdapter } from '#brokers';
import { ADMIN_KEY, bearer, paperAccount, startTestApp, type TestApp } from './support/test-app.js';

const VERSION = 'x-edgerunner-api-version';

function expectErrorEnvelope(body: unknown, messagePattern: RegExp): void {
  expect(body).toEqual(
    expect.objectContaining({ status: 'error', message: expect.stringMatching(messagePattern) }),
  );
  expect(body).toHaveProperty('data');
}

describe('API contract: envelope, version header, errors', () => {
  let t: TestApp;
  let tradeKey: string;

  beforeAll(async () => {
    t = await startTestApp({
      config: { accounts: [paperAccount()], throttle: { trade: { limit: 3, ttlMs: 60_000 } } },
    });
    tradeKey = await t.createKey(['trade']);
  });
  afterAll(() => t.close());

  it('wraps success in the envelope and stamps the version and request id headers', async () => {
    const response = await t.http
      .get('/accounts')
      .set(...bearer(ADMIN_KEY))
      .set('X-Request-Id', 'req-abc-123');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'success', message: 'OK', data: expect.any(Array) });
    expect(response.headers[VERSION]).toBe('1');
    expect(response.headers['x-request-id']).toBe('req-abc-123');
  });

  it('accepts an explicit version 1 and refuses an unknown version with a 404 envelope', async () => {
    const ok = await t.http
      .get('/accounts')
      .set(...bearer(ADMIN_KEY))
      .set('X-Edgerunner-API-Version', '1');
    expect(ok.status).toBe(200);
    const unknown = await t.http
      .get('/accounts')
      .set(...bearer(ADMIN_KEY))
      .set('X-Edgerunner-API-Version', '9');
    expect(unknown.status).toBe(404);
    expectErrorEnvelope(unknown.body, /.+/);
    expect(unknown.headers[VERSION]).toBe('1');
  });

  it('answers an unknown route with a 404 envelope carrying the version header', async () => {
    const response = await t.http.get('/no/such/route').set(...bearer(ADMIN_KEY));
    expect(response.status).toBe(404);
    expectErrorEnvelope(response.body, /no\/such\/route/);
    const withCredential = await t.http
      .get('/no/such/route?access_token=er_secret_123')
      .set(...bearer(ADMIN_KEY));
    expect(withCredential.status).toBe(404);
    expect(withCredential.body.message).toBe('Cannot GET /no/such/route');
    expect(withCredential.text).not.toContain('er_secret_123');
    expect(response.headers[VERSION]).toBe('1');
    expect(response.headers['x-request-id']).toEqual(expect.any(String));
  });

  it('answers malformed JSON with a 400 envelope', async () => {
    const response = await t.http
      .post('/trade')
      .set(...bearer(tradeKey))
      .set('Content-Type', 'application/json')
      .send('{"symbol": "BTCUSDT", ');
    expect(response.status).toBe(400);
    expectErrorEnvelope(response.body, /JSON/i);
    expect(response.headers[VERSION]).toBe('1');
  });

  it('names the failing field of an invalid order', async () => {
    const response = await t.http
      .post('/trade')
      .set(...bearer(tradeKey))
      .send({ symbol: 'BTCUSDT', side: 'hold', type: 'market', quantity: '0.01' });
    expect(response.status).toBe(400);
    expectErrorEnvelope(response.body, /side must be one of buy, sell/);
    expect(response.body.data.fields).toEqual([expect.objectContaining({ field: 'side' })]);
  });

  it('requires a price for a limit order and refuses unknown fields', async () => {
    const noPrice = await t.http
      .post('/trade')
      .set(...bearer(tradeKey))
      .send({ symbol: 'BTCUSDT', side: 'buy', type: 'limit', quantity: '0.01' });
    expect(noPrice.status).toBe(400);
    expectErrorEnvelope(noPrice.body, /price is required for limit/);

    const extra = await t.http
      .post('/trade')
      .set(...bearer(tradeKey))
      .send({ symbol: 'BTCUSDT', side: 'buy', type: 'market', quantity: '0.01', leverage: 100 });
    expect(extra.status).toBe(400);
    expectErrorEnvelope(extra.body, /leverage should not exist/);
  });

  it('answers 401 without a key and 403 with a key lacking the scope', async () => {
    const missing = await t.http.get('/positions');
    expect(missing.status).toBe(401);
    expectErrorEnvelope(missing.body, /Missing API key/);
    expect(missing.headers[VERSION]).toBe('1');

    const readKey = await t.createKey(['read']);
    const forbidden = await t.http
      .post('/trade')
      .set(...bearer(readKey))
      .send({ symbol: 'BTCUSDT', side: 'buy', type: 'market', quantity: '0.001' });
    expect(forbidden.status).toBe(403);
    expectErrorEnvelope(forbidden.body, /"trade" scope/);
  });

  it('answers an order below the minimum size with 422 naming the minimum', async () => {
    const response = await t.http
      .post('/trade')
      .set(...bearer(ADMIN_KEY))
      .send({ symbol: 'AAPL', side: 'buy', type: 'market', quantity: '0.5' });
    expect(response.status).toBe(422);
    expectErrorEnvelope(response.body, /below the minimum 1 for AAPL/);
  });

  it('answers a reused clientOrderId with a different body with 409', async () => {
    const order = {
      symbol: 'ETHUSDT',
      side: 'buy',
      type: 'limit',
      quantity: '0.01',
      price: '100',
      clientOrderId: 'dup-1',
    };
    const first = await t.http
      .post('/trade')
      .set(...bearer(ADMIN_KEY))
      .send(order);
    expect(first.status).toBe(201);
    const changed = await t.http
      .post('/trade')
      .set(...bearer(ADMIN_KEY))
      .send({ ...order, price: '101' });
    expect(changed.status).toBe(409);
    expectErrorEnvelope(changed.body, /dup-1.*different order/);
    expect(changed.body.data.order.id).toBe(first.body.data.id);
  });

  it('answers 503 when the account is disconnected and 502 when the broker refuses our credentials', async () => {
    await t.http
      .post('/broker/disconnect')
      .set(...bearer(ADMIN_KEY))
      .send({})
      .expect(200);
    const down = await t.http.get('/positions').set(...bearer(ADMIN_KEY));
    expect(down.status).toBe(503);
    expectErrorEnvelope(down.body, /.+/);
    expect(down.body.data).toEqual(
      expect.objectContaining({ code: 'connection', broker: 'paper', retryable: true }),
    );
    await t.http
      .post('/broker/connect')
      .set(...bearer(ADMIN_KEY))
      .send({})
      .expect(200);

    const spy = jest.spyOn(PaperAdapter.prototype, 'getAccountSummary').mockRejectedValueOnce(
      new BrokerAuthenticationError('API key is invalid', {
        broker: 'paper',
        brokerCode: '10003',
        brokerMessage: 'invalid key',
      }),
    );
    const badGateway = await t.http.get('/account/summary').set(...bearer(ADMIN_KEY));
    spy.mockRestore();
    expect(badGateway.status).toBe(502);
    expect(badGateway.body.data).toEqual(
      expect.objectContaining({
        code: 'authentication',
        brokerCode: '10003',
        brokerMessage: 'invalid key',
        retryable: false,
      }),
    );
  });

  it('answers an unexpected failure with a bare 500 envelope that leaks nothing', async () => {
    const spy = jest
      .spyOn(PaperAdapter.prototype, 'getPositions')
      .mockRejectedValueOnce(new TypeError('secret internals at line 42'));
    const response = await t.http.get('/positions').set(...bearer(ADMIN_KEY));
    spy.mockRestore();
    expect(response.status).toBe(500);
    expect(response.body).toEqual({ status: 'error', data: null, message: 'Internal server error' });
    expect(response.text).not.toMatch(/secret internals|TypeError|line 42/);
  });

  it('throttles /trade per key with 429 and Retry-After, leaving other keys alone', async () => {
    const key = await t.createKey(['trade']);
    const order = { symbol: 'BTCUSDT', side: 'buy', type: 'limit', quantity: '0.001', price: '1000' };
    const statuses: number[] = [];
    let limited: { headers: Record<string, string>; body: unknown } | undefined;
    for (let attempt = 0; attempt < 4; attempt += 1) {
      const response = await t.http
        .post('/trade')
        .set(...bearer(key))
        .send(order);
      statuses.push(response.status);
      if (response.status === 429) limited = response;
    }
    expect(statuses).toEqual([201, 201, 201, 429]);
    expect(limited?.headers['retry-after']).toMatch(/^\d+$/);
    expectErrorEnvelope(
      limited?.body,
      /^Too many orders: at most 3 per \d+ s for this API key; retry in \d+ s$/,
    );
    expect(limited?.body).not.toHaveProperty('message', expect.stringMatching(/ThrottlerException/));

    const otherKey = await t.createKey(['trade']);
    const other = await t.http
      .post('/trade')
      .set(...bearer(otherKey))
      .send(order);
    expect(other.status).toBe(201);
  });

  it('serves /health without a key', async () => {
    const response = await t.http.get('/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual(
      expect.objectContaining({ status: 'success', data: expect.objectContaining({ status: 'ok' }) }),
    );
    const ready = await t.http.get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.data.accounts).toEqual([{ account: 'paper', status: 'connected', ready: true }]);
  });
});
