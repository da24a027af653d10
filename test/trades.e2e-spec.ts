import { setTimeout as sleep } from 'node:timers/promises';
import { TradeLogService } from '../src/trades/trade-log.service.js';
import { ADMIN_KEY, bearer, startTestApp, type TestApp } from './support/test-app.js';

interface Envelope<T> {
  status: string;
  data: T;
  message: string;
}
interface OrderBody {
  id: string;
  clientOrderId: string;
  brokerOrderId: string | null;
  averageFillPrice: string | null;
  symbol: string;
  side: string;
}
interface FillBody {
  id: string;
  account: string;
  executionId: string;
  orderId: string | null;
  brokerOrderId: string;
  clientOrderId: string;
  symbol: string;
  side: string;
  quantity: string;
  price: string;
  fee: string;
  feeCurrency: string;
  liquidity: string;
  strategy: string | null;
  executedAt: string;
}
interface Page {
  items: FillBody[];
  nextCursor: string | null;
}

const CSV_HEADER =
  'id,account,executionId,orderId,brokerOrderId,clientOrderId,symbol,side,quantity,price,fee,feeCurrency,' +
  'liquidity,strategy,executedAt';
const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('The trade log over HTTP (GET /trades)', () => {
  let t: TestApp;
  const auth = bearer(ADMIN_KEY);
  /** The orders placed in beforeAll, oldest first: BTC buy, ETH sell, BTC sell, ETH buy. */
  const placed: OrderBody[] = [];
  /** A time between the first order's fill and the second's. */
  let between: string;

  const page = async (query: string): Promise<Page> => {
    const response = await t.http.get(`/trades${query}`).set(...auth);
    expect(response.status).toBe(200);
    return (response.body as Envelope<Page>).data;
  };
  const orderIds = async (query: string): Promise<string[]> =>
    (await page(query)).items.map((fill) => fill.orderId ?? 'none');

  /** Fills are written by their own queue after the order call returns: wait until `count` are in. */
  async function waitForFills(count: number): Promise<void> {
    for (let tries = 0; tries < 100; tries++) {
      if ((await page('?limit=1000')).items.length >= count) return;
      await sleep(20);
    }
    throw new Error(`fewer than ${count} fills in the trade log`);
  }

  async function trade(symbol: string, side: string, quantity: string): Promise<void> {
    const response = await t.http
      .post('/trade')
      .set(...auth)
      .send({ symbol, side, type: 'market', quantity });
    expect(response.status).toBe(201);
    placed.push((response.body as Envelope<OrderBody>).data);
  }

  beforeAll(async () => {
    t = await startTestApp();
    t.paper().setQuote('BTCUSDT', '65000', '65000.1');
    t.paper().setQuote('ETHUSDT', '3000', '3000.5');
    await trade('BTCUSDT', 'buy', '0.001');
    await waitForFills(1);
    // Fill times have millisecond precision: step off the first one before taking the boundary.
    await sleep(5);
    between = new Date().toISOString();
    await sleep(5);
    await trade('ETHUSDT', 'sell', '0.1');
    await trade('BTCUSDT', 'sell', '0.001');
    await trade('ETHUSDT', 'buy', '0.1');
    await waitForFills(4);
  });
  afterAll(() => t.close());

  it('lists each market order’s fill, newest first, linked to its order', async () => {
    const { items, nextCursor } = await page('');
    expect(nextCursor).toBeNull();
    expect(items.map((fill) => fill.orderId)).toEqual(placed.map((order) => order.id).reverse());
    for (const order of placed) {
      const fill = items.find((item) => item.orderId === order.id);
      expect(fill).toEqual({
        id: expect.stringMatching(/^\d+$/),
        account: 'paper',
        executionId: expect.any(String),
        orderId: order.id,
        brokerOrderId: order.brokerOrderId,
        clientOrderId: order.clientOrderId,
        symbol: order.symbol,
        side: order.side,
        quantity: order.symbol === 'BTCUSDT' ? '0.001' : '0.1',
        price: order.averageFillPrice,
        fee: expect.stringMatching(/^\d+(\.\d+)?$/),
        feeCurrency: 'USD', // the paper account's currency
        liquidity: 'taker',
        strategy: null,
        executedAt: expect.stringMatching(ISO_MS),
      });
    }
  });

  it('filters by symbol, side, account, strategy and time', async () => {
    const [btcBuy, ethSell, btcSell, ethBuy] = placed.map((order) => order.id);
    expect(await orderIds('?symbol=ETHUSDT')).toEqual([ethBuy, ethSell]);
    expect(await orderIds('?side=sell')).toEqual([btcSell, ethSell]);
    expect(await orderIds('?symbol=BTCUSDT&side=buy')).toEqual([btcBuy]);
    expect(await orderIds('?account=paper')).toHaveLength(4);
    expect(await orderIds('?account=elsewhere')).toEqual([]);
    expect(await orderIds('?strategy=sma-cross')).toEqual([]);
    expect(await orderIds(`?from=${between}`)).toEqual([ethBuy, btcSell, ethSell]);
    expect(await orderIds(`?to=${between}`)).toEqual([btcBuy]);
    const all = (await page('')).items;
    const second = all[2]?.executedAt ?? '';
    // Both ends inclusive: a window of one instant holds the fill executed then.
    expect(await orderIds(`?from=${second}&to=${second}`)).toEqual([ethSell]);
  });

  it('pages through every fill exactly once with nextCursor', async () => {
    const all = (await page('')).items.map((fill) => fill.id);
    const seen: string[] = [];
    let query = '?limit=1';
    for (let pages = 0; pages < 10; pages++) {
      const { items, nextCursor } = await page(query);
      seen.push(...items.map((fill) => fill.id));
      if (nextCursor === null) break;
      query = `?limit=1&cursor=${encodeURIComponent(nextCursor)}`;
    }
    expect(seen).toEqual(all);
    expect((await page('?limit=3')).items).toHaveLength(3);
    const { nextCursor } = await page('?limit=3');
    expect((await page(`?cursor=${nextCursor}&side=buy`)).items.map((fill) => fill.id)).toEqual([all[3]]);
  });

  it.each([
    ['?format=csv', undefined],
    ['', 'text/csv'],
    ['', 'application/json;q=0.5, text/csv'],
  ])('exports every fill as CSV (%s, Accept: %s), not paged', async (query, accept) => {
    let request = t.http.get(`/trades${query}`).set(...auth);
    if (accept !== undefined) request = request.set('Accept', accept);
    const response = await request;
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="trades.csv"');
    expect(response.headers['x-edgerunner-api-version']).toBe('1');
    const lines = response.text.split('\r\n');
    expect(lines[0]).toBe(CSV_HEADER);
    expect(lines.at(-1)).toBe('');
    const rows = lines.slice(1, -1);
    const { items } = await page('');
    expect(rows).toHaveLength(items.length);
    expect(rows[0]).toBe(
      [
        items[0]?.id,
        'paper',
        items[0]?.executionId,
        items[0]?.orderId,
        items[0]?.brokerOrderId,
        items[0]?.clientOrderId,
        items[0]?.symbol,
        items[0]?.side,
        items[0]?.quantity,
        items[0]?.price,
        items[0]?.fee,
        'USD',
        'taker',
        '',
        items[0]?.executedAt,
      ].join(','),
    );
  });

  it('applies the filters to the CSV export and ignores the page size', async () => {
    const response = await t.http.get('/trades?format=csv&symbol=ETHUSDT&limit=1').set(...auth);
    expect(response.status).toBe(200);
    const rows = response.text.split('\r\n').slice(1, -1);
    expect(rows).toHaveLength(2);
    expect(rows.every((row) => row.includes(',ETHUSDT,'))).toBe(true);
  });

  it('answers JSON when asked for it, or for anything', async () => {
    for (const accept of ['application/json', '*/*', 'text/csv;q=0.1, application/json']) {
      const response = await t.http
        .get('/trades')
        .set(...auth)
        .set('Accept', accept);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect((response.body as Envelope<Page>).status).toBe('success');
    }
    const json = await t.http
      .get('/trades?format=json')
      .set(...auth)
      .set('Accept', 'text/csv');
    expect(json.headers['content-type']).toMatch(/^application\/json/);
  });

  it('stores a fill reported again (by reconciliation) once', async () => {
    const { items } = await page('?limit=1');
    const [newest] = items;
    if (newest === undefined) throw new Error('no fill');
    const { id: _id, account: _account, orderId: _orderId, strategy: _strategy, ...fill } = newest;
    const outcome = await t.app
      .get(TradeLogService)
      .record('paper', [
        { ...fill, side: fill.side as 'buy' | 'sell', liquidity: fill.liquidity as 'maker' | 'taker' },
      ]);
    expect(outcome).toEqual({ inserted: 0, unlinked: [] });
    expect((await page('')).items).toHaveLength(4);
    expect(await t.app.get(TradeLogService).lastExecutedAt('paper')).toEqual(new Date(newest.executedAt));
  });

  it('lets a read key read, and refuses a request without a key', async () => {
    const readKey = await t.createKey(['read']);
    const read = await t.http.get('/trades?format=csv').set(...bearer(readKey));
    expect(read.status).toBe(200);
    const anonymous = await t.http.get('/trades');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toEqual(expect.objectContaining({ status: 'error' }));
    expect((await t.http.get('/trades?format=csv')).status).toBe(401);
  });

  it.each([
    ['?from=yesterday', /from/],
    ['?to=2026-13-01T00:00:00Z', /to/],
    ['?from=2026-01-01T00:00:00', /from must be a UTC ISO 8601 time/],
    ['?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z', /from must not be after to/],
    ['?cursor=not-a-cursor', /cursor/],
    ['?limit=0', /limit/],
    ['?limit=1001', /limit/],
    ['?side=long', /side/],
    ['?format=xml', /format/],
    ['?format=csv&from=yesterday', /from/],
    ['?format=csv&cursor=bm9wZQ', /cursor/],
  ])('refuses %s with a 400 envelope', async (query, message) => {
    const response = await t.http.get(`/trades${query}`).set(...auth);
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.body).toEqual(
      expect.objectContaining({ status: 'error', message: expect.stringMatching(message) }),
    );
  });

  it('refuses a cursor of another listing', async () => {
    const orders = await t.http.get('/orders?limit=1').set(...auth);
    const cursor = (orders.body as Envelope<{ nextCursor: string | null }>).data.nextCursor;
    expect(cursor).not.toBeNull();
    const response = await t.http.get(`/trades?cursor=${cursor}`).set(...auth);
    expect(response.status).toBe(400);
  });
});
