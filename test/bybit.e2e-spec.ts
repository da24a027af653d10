import { BybitSimulator } from '#simulators';
import { bybitAccount } from './support/bybit-account.js';
import type { StreamClient } from './support/stream-client.js';
import { expectVenueOnStream } from './support/venue-stream-check.js';
import { ADMIN_KEY, bearer, paperAccount, startTestApp, type TestApp } from './support/test-app.js';
import { eventually } from './support/eventually.js';

interface OrderBody {
  id: string;
  status: string;
  filledQuantity: string;
  clientOrderId: string;
}

describe('a Bybit account through the app, on the Bybit V5 simulator', () => {
  let simulator: BybitSimulator;
  let app: TestApp;
  let client: StreamClient | undefined;
  const auth = bearer(ADMIN_KEY);
  const trade = (body: Record<string, unknown>) =>
    app.http
      .post('/trade')
      .set(...auth)
      .send({ account: 'bybit', symbol: 'BTCUSDT', side: 'buy', type: 'market', quantity: '0.002', ...body });
  const order = async (id: string): Promise<OrderBody> =>
    (await app.http.get(`/orders/${id}`).set(...auth)).body.data as OrderBody;

  beforeAll(async () => {
    simulator = new BybitSimulator({ tickIntervalMs: 0 });
    await simulator.start();
    app = await startTestApp({
      config: {
        accounts: [
          paperAccount(),
          bybitAccount(simulator),
          bybitAccount(simulator, 'bybit-wrong', { apiSecret: 'not-the-secret' }),
        ],
        throttle: { trade: { limit: 1000, ttlMs: 1000 } },
      },
    });
  });
  afterEach(() => client?.close());
  afterAll(async () => {
    await app.close();
    await simulator.stop();
  });

  it('lists the Bybit account connected, with what Bybit supports', async () => {
    const response = await app.http.get('/accounts').set(...auth);
    const bybit = (response.body.data as { name: string }[]).find((account) => account.name === 'bybit');
    expect(bybit).toEqual(
      expect.objectContaining({
        broker: 'bybit',
        status: 'connected',
        capabilities: expect.objectContaining({
          orderTypes: ['market', 'limit', 'stop', 'stop_limit'],
          bracketOrders: true,
        }),
      }),
    );
  });

  it('fills a market order: the order, the position, the summary and the trade log', async () => {
    const response = await trade({ clientOrderId: 'bybit-market-1' });
    expect(response.status).toBe(201);
    const id = (response.body.data as OrderBody).id;
    await eventually(async () => (await order(id)).status === 'filled', 'the order to fill');
    const positions = await app.http.get('/positions?account=bybit').set(...auth);
    expect(positions.body.data).toEqual(
      expect.arrayContaining([expect.objectContaining({ symbol: 'BTCUSDT', side: 'long' })]),
    );
    const summary = await app.http.get('/account/summary?account=bybit').set(...auth);
    expect(Number(summary.body.data.marginUsed)).toBeGreaterThan(0);
    await eventually(async () => {
      const trades = await app.http.get('/trades?account=bybit').set(...auth);
      return (trades.body.data.items as { clientOrderId: string }[]).some(
        (fill) => fill.clientOrderId === 'bybit-market-1',
      );
    }, 'the fill in the trade log');
  });

  it('rests a limit order at Bybit and cancels it', async () => {
    const response = await trade({ clientOrderId: 'bybit-rest-1', type: 'limit', price: '40000' });
    expect(response.status).toBe(201);
    const id = (response.body.data as OrderBody).id;
    expect((await order(id)).status).toBe('submitted');
    const cancelled = await app.http.delete(`/orders/${id}`).set(...auth);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.data.status).toBe('cancelled');
    const [atBybit] = simulator.orders().filter((each) => each.orderLinkId === 'bybit-rest-1');
    expect(atBybit?.orderStatus).toBe('Cancelled');
    const again = await app.http.delete(`/orders/${id}`).set(...auth);
    expect(again.status).toBe(409);
  });

  it('attaches take-profit and stop-loss to a bracket order at Bybit', async () => {
    const response = await trade({
      clientOrderId: 'bybit-bracket-1',
      takeProfit: '80000',
      stopLoss: '50000',
    });
    expect(response.status).toBe(201);
    const [placed] = simulator.orders().filter((each) => each.orderLinkId === 'bybit-bracket-1');
    expect(placed).toEqual(expect.objectContaining({ takeProfit: '80000', stopLoss: '50000' }));
  });

  it('serves Bybit candles and quotes', async () => {
    const candles = await app.http
      .get('/market/candles?account=bybit&symbol=BTCUSDT&timeframe=5m&limit=12')
      .set(...auth);
    expect(candles.status).toBe(200);
    expect(candles.body.data.length).toBeGreaterThan(5);
    const ticker = await app.http.get('/market/ticker?account=bybit&symbol=BTCUSDT').set(...auth);
    expect(Number(ticker.body.data.bid)).toBeLessThan(Number(ticker.body.data.ask));
  });

  it('streams Bybit orders, positions and prices on /ws/broker', async () => {
    await expectVenueOnStream(
      {
        url: app.url,
        apiKey: ADMIN_KEY,
        account: 'bybit',
        symbol: 'BTCUSDT',
        placeFilledOrder: async () =>
          ((await trade({ clientOrderId: 'bybit-stream-1' })).body.data as OrderBody).id,
        movePrice: () => simulator.setPrice('linear', 'BTCUSDT', '66600'),
        bidAbove: 66000,
      },
      (opened) => (client = opened),
    );
  });

  it('reports a wrong secret as Bybit’s refusal: the account is down, connecting answers 502 with 10004', async () => {
    const downReason =
      /^authentication refused by bybit \(10004\): Bybit refused the request signature: check the API secret/;
    const wrongAccount = async () =>
      ((await app.http.get('/accounts').set(...auth)).body.data as Record<string, unknown>[]).find(
        (account) => account.name === 'bybit-wrong',
      );
    expect(await wrongAccount()).toEqual(
      expect.objectContaining({ status: 'down', downReason: expect.stringMatching(downReason) }),
    );
    const response = await app.http
      .post('/broker/connect')
      .set(...auth)
      .send({ account: 'bybit-wrong' });
    expect(response.status).toBe(502);
    expect(response.body).toEqual(
      expect.objectContaining({
        status: 'error',
        data: expect.objectContaining({ broker: 'bybit', brokerCode: '10004' }),
      }),
    );
    expect(JSON.stringify(response.body)).not.toContain('not-the-secret');
    const account = await wrongAccount();
    expect(account?.downReason).toMatch(downReason);
    expect(JSON.stringify(account)).not.toContain('not-the-secret');
  });

  it('answers an order on the account whose credentials Bybit refused 502, not retryable, with Bybit’s code', async () => {
    const response = await trade({ account: 'bybit-wrong', clientOrderId: 'bybit-wrong-1' });
    expect(response.status).toBe(502);
    expect(response.body).toEqual({
      status: 'error',
      message: expect.stringMatching(/^Account bybit-wrong is down: Bybit refused the request signature/),
      data: expect.objectContaining({
        code: 'authentication',
        broker: 'bybit',
        brokerCode: '10004',
        retryable: false,
      }),
    });
    expect(JSON.stringify(response.body)).not.toContain('not-the-secret');
    // Refused before it was recorded: nothing for reconciliation to chase.
    const recorded = await app.http.get('/orders?account=bybit-wrong').set(...auth);
    expect(recorded.body.data.items).toEqual([]);
  });

  it('places an order Bybit refused once for its rate limit exactly once', async () => {
    simulator.failNext('/v5/order/create', { retCode: 10006, retMsg: 'Too many visits!' });
    const response = await trade({ clientOrderId: 'bybit-limited-1' });
    expect(response.status).toBe(201);
    expect(simulator.orders().filter((each) => each.orderLinkId === 'bybit-limited-1')).toHaveLength(1);
  });

  it('recovers every fill of a partial fill that happened while the stream was down', async () => {
    await simulator.setDepth('linear', 'BTCUSDT', '0.001');
    // A marketable limit: what the book holds fills now, the rest rests and fills on the next quotes.
    // (A market order would not wait: Bybit cancels what an IOC cannot fill at once.)
    const response = await trade({
      clientOrderId: 'bybit-partial-1',
      quantity: '0.003',
      type: 'limit',
      price: '70000',
    });
    expect(response.status).toBe(201);
    const id = (response.body.data as OrderBody).id;
    await eventually(async () => (await order(id)).status === 'partially_filled', 'the first partial fill');
    simulator.dropConnections({ refuseReconnectsForMs: 400 });
    // The rest fills on the next quotes, while nothing is pushed.
    await simulator.tick(3);
    await eventually(async () => (await order(id)).status === 'filled', 'reconciliation to settle the order');
    await eventually(async () => {
      const trades = await app.http.get('/trades?account=bybit&limit=100').set(...auth);
      const ours = (trades.body.data.items as { clientOrderId: string; quantity: string }[]).filter(
        (fill) => fill.clientOrderId === 'bybit-partial-1',
      );
      return ours.reduce((sum, fill) => sum + Number(fill.quantity), 0) === 0.003;
    }, 'all three fills in the trade log');
    await simulator.setDepth('linear', 'BTCUSDT', '2');
  });
});
