import { connect } from 'node:net';
import { ADMIN_KEY, bearer, paperAccount, startTestApp, type TestApp } from './support/test-app.js';

/** Each case a hostile but honest user found answering 500 or leaving the envelope (issue 8). */

interface Answer {
  readonly status: number;
  readonly body: unknown;
  readonly text: string;
}

function expectRefusal(answer: Answer, status: number, mentions: RegExp): void {
  expect(answer.status).toBe(status);
  expect(answer.body).toEqual(expect.objectContaining({ status: 'error', message: expect.any(String) }));
  expect(Object.keys(answer.body as object).sort()).toEqual(['data', 'message', 'status']);
  expect(answer.text).toMatch(mentions);
  expect(answer.text).not.toMatch(/FST_ERR|RangeError|Failed query|at .+\.js:\d+|\/work\/|node_modules/);
}

const LIMIT_ORDER = { symbol: 'BTCUSDT', side: 'buy', type: 'limit', quantity: '0.001', price: '1000' };

/** Encodes what `encodeCursor` would, with whatever a tamperer put in it. */
const cursorOf = (at: string, id: string): string =>
  Buffer.from(JSON.stringify([at, id])).toString('base64url');

/** Sends raw bytes and reads the raw answer, for what never reaches Fastify as a request. */
function rawExchange(url: string, bytes: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(bytes));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('hostile input: a clear 4xx in the envelope, never a 500', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ config: { accounts: [paperAccount()] } });
  });
  afterAll(() => t.close());

  const get = (path: string) => t.http.get(path).set(...bearer(ADMIN_KEY));
  const post = (path: string) => t.http.post(path).set(...bearer(ADMIN_KEY));

  it.each(['takeProfit', 'stopLoss'])(
    'refuses "%s": null on POST /trade, naming the field',
    async (field) => {
      const answer = await post('/trade').send({ ...LIMIT_ORDER, [field]: null });
      expectRefusal(answer, 400, new RegExp(field));
    },
  );

  it.each([
    ['/orders', '20260101T000000Z'],
    ['/trades', '2026-01-01T00:00:00,5Z'],
    ['/performance', '+275760-09-13T00:00:00.000Z'],
    ['/orders', '-271821-04-20T00:00:00.000Z'],
    ['/trades', '0000-01-01T00:00:00Z'],
    ['/market/candles?timeframe=1m&symbol=BTCUSDT', '20260101T000000Z'],
  ])('refuses a date that passes ISO 8601 but not Date on %s (%s)', async (path, from) => {
    const separator = path.includes('?') ? '&' : '?';
    const answer = await get(`${path}${separator}from=${encodeURIComponent(from)}`);
    expectRefusal(answer, 400, /from must be a UTC ISO 8601 time/);
  });

  it.each([
    ['/orders', cursorOf('2026-01-01T00:00:00.000Z', 'not-a-uuid')],
    ['/trades', cursorOf('2026-01-01T00:00:00.000Z', '9999999999999999999')],
    ['/trades', cursorOf('20260101T000000Z', '1')],
    ['/orders', 'A'.repeat(5000)],
  ])('refuses a tampered cursor on %s with a 400', async (path, cursor) => {
    expectRefusal(await get(`${path}?cursor=${cursor}`), 400, /cursor is not one this API handed out/);
  });

  it('refuses NUL bytes in the query, the path and the body before the database sees them', async () => {
    expectRefusal(await get('/orders?symbol=%00'), 400, /query\.symbol contains a NUL/);
    expectRefusal(
      await t.http.delete('/keys/%00').set(...bearer(ADMIN_KEY)),
      400,
      /params\.id contains a NUL/,
    );
    expectRefusal(await post('/keys').send({ name: 'a\u0000b', scopes: ['read'] }), 400, /body\.name/);
    const killSwitch = await post('/risk/kill-switch').send({
      account: 'paper',
      enabled: true,
      reason: 'bad\u0000reason',
    });
    expectRefusal(killSwitch, 400, /body\.reason/);
    const risk = await get('/risk?account=paper');
    expect(risk.body.data.killSwitch.enabled).toBe(false);
  });

  it('refuses deeply nested JSON on every body route without overflowing the stack', async () => {
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    for (const path of ['/trade', '/keys', '/risk/kill-switch', '/broker/connect']) {
      const answer = await post(path).set('Content-Type', 'application/json').send(deep);
      expectRefusal(answer, 400, /nested deeper than 32 levels/);
    }
    expect((await t.http.get('/health')).status).toBe(200);
  });

  it('bounds the digits and exponent of every decimal field', async () => {
    const huge = `1${'0'.repeat(100_000)}`;
    const cases = [
      { ...LIMIT_ORDER, takeProfit: huge },
      { ...LIMIT_ORDER, price: '1e1000000' },
      { ...LIMIT_ORDER, quantity: `0.${'0'.repeat(30)}1` },
      { ...LIMIT_ORDER, stopLoss: 1e300 },
    ];
    for (const order of cases) {
      const answer = await post('/trade').send(order);
      expectRefusal(answer, 400, /at most 20 digits before the point and 18 after/);
      expect(answer.text.length).toBeLessThan(2_000);
    }
    const orders = await get('/orders');
    expect(orders.body.data.items).toEqual([]);
  });

  it('envelopes what Fastify refuses itself, with the version header and no internal codes', async () => {
    const longParam = await get(`/orders/${'a'.repeat(120)}`);
    expectRefusal(longParam, 414, /longer than 100 characters/);
    expect(longParam.headers['x-edgerunner-api-version']).toBe('1');
    expectRefusal(await get('/orders/%'), 400, /URL is malformed/);
  });

  it('envelopes a query over 16 KB and malformed HTTP on the raw socket', async () => {
    const bigQuery = await rawExchange(
      t.url,
      `GET /orders?symbol=${'a'.repeat(17_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
    );
    expect(bigQuery).toMatch(/^HTTP\/1\.1 431 /);
    expect(JSON.parse(bigQuery.slice(bigQuery.indexOf('\r\n\r\n') + 4))).toEqual({
      status: 'error',
      data: null,
      message: expect.stringMatching(/larger than 16 KB/),
    });
    const garbage = await rawExchange(t.url, 'GARBAGE\r\n\r\n');
    expect(garbage).toMatch(/^HTTP\/1\.1 400 /);
    expect(garbage).toContain('"message":"The request is not valid HTTP"');
  });

  it('caps the fields a refusal lists: 20,000 unknown keys do not make a 2 MB answer', async () => {
    const body = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, 1]));
    const answer = await post('/trade').send(body);
    expectRefusal(answer, 400, /and \d+ more/);
    expect(answer.body.data.fields).toHaveLength(20);
    expect(answer.text.length).toBeLessThan(10_000);
  });

  it.each(['0x10', '1e3', '%201%20', '10.5', '-1'])(
    'refuses limit=%s: integers are decimal digits',
    async (limit) => {
      expectRefusal(await get(`/orders?limit=${limit}`), 400, /limit must be an integer from 1 to 1000/);
    },
  );
});
