import { TwsSimulator } from '#simulators';
import { ibkrAccount } from './support/ibkr-account.js';
import type { StreamClient } from './support/stream-client.js';
import { expectVenueOnStream } from './support/venue-stream-check.js';
import { ADMIN_KEY, bearer, paperAccount, startTestApp, type TestApp } from './support/test-app.js';
import { eventually } from './support/eventually.js';

interface OrderBody {
  id: string;
  status: string;
  filledQuantity: string;
  clientOrderId: string;
  brokerOrderId: string | null;
  role: string;
  parentId: string | null;
  stopPrice: string | null;
}

const PLACE_ORDER = '3';

describe('an Interactive Brokers account through the app, on the TWS simulator', () => {
  let simulator: TwsSimulator;
  let app: TestApp;
  let client: StreamClient | undefined;
  const auth = bearer(ADMIN_KEY);
  const trade = (body: Record<string, unknown>) =>
    app.http
      .post('/trade')
      .set(...auth)
      .send({ account: 'ibkr', symbol: 'AAPL', side: 'buy', type: 'market', quantity: '10', ...body });
  const order = async (id: string): Promise<OrderBody> =>
    (await app.http.get(`/orders/${id}`).set(...auth)).body.data as OrderBody;
  const ordersOf = async (): Promise<OrderBody[]> =>
    (await app.http.get('/orders?account=ibkr&limit=100').set(...auth)).body.data.items as OrderBody[];
  const accountStatus = async (name = 'ibkr'): Promise<Record<string, unknown> | undefined> =>
    ((await app.http.get('/accounts').set(...auth)).body.data as Record<string, unknown>[]).find(
      (account) => account.name === name,
    );
  const placedAtTws = (orderRef: string): number =>
    simulator.received.filter(
      (request) => request.fields[0] === PLACE_ORDER && request.fields.includes(orderRef),
    ).length;

  beforeAll(async () => {
    simulator = new TwsSimulator();
    await simulator.start();
    await simulator.setPrice('AAPL', '190');
    app = await startTestApp({
      config: {
        accounts: [paperAccount(), ibkrAccount(simulator)],
        throttle: { trade: { limit: 1000, ttlMs: 1000 } },
      },
    });
  });
  afterEach(() => client?.close());
  afterAll(async () => {
    await app.close();
    await simulator.stop();
  });

  it('lists the IBKR account connected, with what IB supports', async () => {
    expect(await accountStatus()).toEqual(
      expect.objectContaining({
        broker: 'ibkr',
        status: 'connected',
        capabilities: expect.objectContaining({
          orderTypes: expect.arrayContaining(['market', 'limit', 'stop', 'stop_limit', 'trailing_stop']),
          bracketOrders: true,
        }),
      }),
    );
  });

  it('fills a market order: the order, the position, the summary and the trade log', async () => {
    const response = await trade({ clientOrderId: 'ib-market-1' });
    expect(response.status).toBe(201);
    const id = (response.body.data as OrderBody).id;
    await eventually(async () => (await order(id)).status === 'filled', 'the order to fill');
    const positions = await app.http.get('/positions?account=ibkr').set(...auth);
    expect(positions.body.data).toEqual(
      expect.arrayContaining([expect.objectContaining({ symbol: 'AAPL', side: 'long' })]),
    );
    const summary = await app.http.get('/account/summary?account=ibkr').set(...auth);
    expect(summary.status).toBe(200);
    const { account, balance, equity, unrealizedPnl } = summary.body.data as Record<string, string>;
    expect(account).toBe('ibkr');
    // Bought stock is still worth its cost: equity stays near the million, less the commission.
    expect(Number(equity)).toBeGreaterThan(999_900);
    expect(Number(balance) + Number(unrealizedPnl)).toBeCloseTo(Number(equity), 2);
    const performance = await app.http.get('/performance?account=ibkr').set(...auth);
    expect(Math.abs(Number(performance.body.data.endEquity) - Number(equity))).toBeLessThan(50);
    await eventually(async () => {
      const trades = await app.http.get('/trades?account=ibkr').set(...auth);
      return (trades.body.data.items as { clientOrderId: string; fee: string }[]).some(
        (fill) => fill.clientOrderId === 'ib-market-1' && Number(fill.fee) > 0,
      );
    }, 'the fill in the trade log with its commission');
  });

  it('rests a limit order at TWS and cancels it', async () => {
    const response = await trade({ clientOrderId: 'ib-rest-1', type: 'limit', price: '150' });
    expect(response.status).toBe(201);
    const id = (response.body.data as OrderBody).id;
    expect((await order(id)).status).toBe('submitted');
    const cancelled = await app.http.delete(`/orders/${id}`).set(...auth);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.data.status).toBe('cancelled');
    const again = await app.http.delete(`/orders/${id}`).set(...auth);
    expect(again.status).toBe(409);
  });

  it('answers an order IB rejects 422 with IB’s code and text, and keeps it as rejected', async () => {
    simulator.rejectNextOrder(201, 'Order rejected - reason:Trading permissions missing');
    const response = await trade({ clientOrderId: 'ib-rejected-1', type: 'limit', price: '150' });
    expect(response.status).toBe(422);
    expect(response.body.data).toEqual(
      expect.objectContaining({ broker: 'ibkr', brokerCode: '201', retryable: false }),
    );
    expect(response.body.message).toMatch(/Trading permissions missing/);
    const [stored] = (await ordersOf()).filter((each) => each.clientOrderId === 'ib-rejected-1');
    expect(stored?.status).toBe('rejected');
  });

  it('sends a bracket as parent, take-profit and stop-loss; the take-profit fill cancels the stop', async () => {
    const response = await trade({
      clientOrderId: 'ib-bracket-1',
      type: 'limit',
      price: '189',
      takeProfit: '195',
      stopLoss: '185',
    });
    expect(response.status).toBe(201);
    const entry = response.body.data as OrderBody;
    await simulator.setPrice('AAPL', '188');
    await eventually(async () => (await order(entry.id)).status === 'filled', 'the entry to fill');
    await eventually(
      async () => (await ordersOf()).filter((each) => each.parentId === entry.id).length === 2,
      'both children recorded',
    );
    await simulator.setPrice('AAPL', '196');
    await eventually(async () => {
      const children = (await ordersOf()).filter((each) => each.parentId === entry.id);
      const byRole = Object.fromEntries(children.map((child) => [child.role, child.status]));
      return byRole.take_profit === 'filled' && byRole.stop_loss === 'cancelled';
    }, 'the take-profit filled and the stop-loss cancelled');
    await simulator.setPrice('AAPL', '190');
  });

  it('trails a stop behind the market and fills it when the market turns', async () => {
    await trade({ clientOrderId: 'ib-trail-entry' });
    const response = await trade({
      clientOrderId: 'ib-trail-1',
      side: 'sell',
      type: 'trailing_stop',
      trailingAmount: '2',
    });
    expect(response.status).toBe(201);
    const id = (response.body.data as OrderBody).id;
    await simulator.setPrice('AAPL', '200');
    await simulator.setPrice('AAPL', '198.5');
    expect((await order(id)).status).toBe('submitted');
    await simulator.setPrice('AAPL', '197.5');
    await eventually(async () => (await order(id)).status === 'filled', 'the trailing stop to fill');
    await simulator.setPrice('AAPL', '190');
  });

  it('serves IB candles, quotes and instruments', async () => {
    const candles = await app.http
      .get('/market/candles?account=ibkr&symbol=AAPL&timeframe=5m&limit=12')
      .set(...auth);
    expect(candles.status).toBe(200);
    expect(candles.body.data.length).toBeGreaterThan(5);
    const ticker = await app.http.get('/market/ticker?account=ibkr&symbol=AAPL').set(...auth);
    expect(Number(ticker.body.data.bid)).toBeLessThan(Number(ticker.body.data.ask));
  });

  it('streams IBKR orders, positions and prices on /ws/broker', async () => {
    await expectVenueOnStream(
      {
        url: app.url,
        apiKey: ADMIN_KEY,
        account: 'ibkr',
        symbol: 'AAPL',
        placeFilledOrder: async () =>
          ((await trade({ clientOrderId: 'ib-stream-1' })).body.data as OrderBody).id,
        movePrice: () => simulator.setPrice('AAPL', '191'),
        bidAbove: 190.5,
      },
      (opened) => (client = opened),
    );
  });

  it('recovers every execution of a partial fill that happened while TWS had lost IB (1100 → 1102)', async () => {
    await simulator.setPrice('AAPL', '190');
    await simulator.setDepth('AAPL', '4');
    const response = await trade({
      clientOrderId: 'ib-partial-1',
      quantity: '12',
      type: 'limit',
      price: '195',
    });
    expect(response.status).toBe(201);
    const id = (response.body.data as OrderBody).id;
    await eventually(async () => (await order(id)).status === 'partially_filled', 'the first partial fill');
    await simulator.connectivityLost();
    // The rest fills on the next quotes, and TWS tells the client nothing of it.
    await simulator.tick(3);
    await simulator.connectivityRestored({ dataKept: true });
    await eventually(async () => (await order(id)).status === 'filled', 'reconciliation to settle the order');
    await eventually(async () => {
      const trades = await app.http.get('/trades?account=ibkr&limit=100').set(...auth);
      const ours = (trades.body.data.items as { clientOrderId: string; quantity: string }[]).filter(
        (fill) => fill.clientOrderId === 'ib-partial-1',
      );
      return ours.reduce((sum, fill) => sum + Number(fill.quantity), 0) === 12;
    }, 'all three fills in the trade log, once each');
    await simulator.setDepth('AAPL', '500');
  });

  it('refuses an order while TWS is unreachable with 503, and never sends it later', async () => {
    simulator.dropConnections({ refuseReconnectsForMs: 1000 });
    await eventually(async () => (await accountStatus())?.status !== 'connected', 'the account to go down');
    const response = await trade({ clientOrderId: 'ib-while-down-1' });
    expect(response.status).toBe(503);
    await eventually(async () => {
      const account = await accountStatus();
      return account?.status === 'connected' && account.degradedReason === null;
    }, 'the reconnect and the reconciliation after it');
    const after = await trade({ clientOrderId: 'ib-after-reconnect-1' });
    expect(after.status).toBe(201);
    expect(placedAtTws('ib-while-down-1')).toBe(0);
    expect(placedAtTws('ib-after-reconnect-1')).toBe(1);
  });

  it('reports a client id already in use as the account down with IB’s 326', async () => {
    const second = await startTestApp({ config: { accounts: [ibkrAccount(simulator, 'ibkr-twin')] } });
    try {
      await eventually(async () => {
        const response = await second.http.get('/accounts').set(...auth);
        const twin = (response.body.data as { status: string; downReason?: string }[])[0];
        return twin?.status !== 'connected' && /326/.test(twin?.downReason ?? '');
      }, 'the twin account down with 326');
    } finally {
      await second.close();
    }
    await eventually(
      async () => (await accountStatus())?.status === 'connected',
      'the first account still connected',
    );
  });
});
