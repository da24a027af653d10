import { ADMIN_KEY, bearer, startTestApp, type TestApp } from './support/test-app.js';

interface Envelope<T> {
  status: string;
  data: T;
  message: string;
}
interface OrderBody {
  id: string;
  status: string;
  filledQuantity: string;
  averageFillPrice: string | null;
  brokerOrderId: string | null;
  role: string;
  parentId: string | null;
  price: string | null;
  quantity: string;
}
interface PositionBody {
  symbol: string;
  side: string;
  quantity: string;
  averagePrice: string;
}

describe('Trading on the paper broker over HTTP', () => {
  let t: TestApp;
  const auth = bearer(ADMIN_KEY);

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const get = async <T>(path: string): Promise<T> => {
    const response = await t.http.get(path).set(...auth);
    expect(response.status).toBe(200);
    return (response.body as Envelope<T>).data;
  };
  const trade = (body: Record<string, unknown>) =>
    t.http
      .post('/trade')
      .set(...auth)
      .send(body);

  it('turns a market buy into a long position filled at the ask, visible in orders and the summary', async () => {
    t.paper().setQuote('ETHUSDT', '3000', '3000.5');
    const summaryBefore = await get<{ balance: string }>('/account/summary');

    const placed = await trade({ symbol: 'ETHUSDT', side: 'buy', type: 'market', quantity: 0.5 });
    expect(placed.status).toBe(201);
    const order = (placed.body as Envelope<OrderBody>).data;
    expect(order).toEqual(
      expect.objectContaining({ status: 'filled', filledQuantity: '0.5', quantity: '0.5' }),
    );
    expect(Number(order.averageFillPrice)).toBeGreaterThanOrEqual(3000.5);

    const positions = await get<PositionBody[]>('/positions');
    expect(positions).toEqual([
      expect.objectContaining({
        symbol: 'ETHUSDT',
        side: 'long',
        quantity: '0.5',
        averagePrice: order.averageFillPrice,
      }),
    ]);

    const fetched = await get<OrderBody>(`/orders/${order.id}`);
    expect(fetched.status).toBe('filled');
    const updates = await get<{ orderId: string; status: string }[]>('/orders/status');
    expect(updates.filter((update) => update.orderId === order.id).map((update) => update.status)).toEqual([
      'filled',
      'submitted',
      'new',
    ]);

    const summaryAfter = await get<{ balance: string; marginUsed: string }>('/account/summary');
    expect(Number(summaryAfter.balance)).toBeLessThan(Number(summaryBefore.balance)); // the taker fee
    expect(Number(summaryAfter.marginUsed)).toBeGreaterThan(0);
  });

  it('rests a limit buy below the market and fills it when the ask crosses', async () => {
    t.paper().setQuote('BTCUSDT', '65000', '65000.1');
    const placed = await trade({
      symbol: 'BTCUSDT',
      side: 'buy',
      type: 'limit',
      quantity: '0.002',
      price: '64000',
    });
    expect(placed.status).toBe(201);
    const order = (placed.body as Envelope<OrderBody>).data;
    expect(order.status).toBe('submitted');
    expect((await get<PositionBody[]>('/positions')).some((position) => position.symbol === 'BTCUSDT')).toBe(
      false,
    );

    t.paper().setQuote('BTCUSDT', '63999.9', '64000');
    await t.settle();
    const filled = await get<OrderBody>(`/orders/${order.id}`);
    expect(filled).toEqual(
      expect.objectContaining({ status: 'filled', filledQuantity: '0.002', averageFillPrice: '64000' }),
    );
    const position = (await get<PositionBody[]>('/positions')).find((p) => p.symbol === 'BTCUSDT');
    expect(position).toEqual(expect.objectContaining({ quantity: '0.002', averagePrice: '64000' }));
  });

  it('cancels a resting order, and refuses to cancel it twice', async () => {
    t.paper().setQuote('BTCUSDT', '65000', '65000.1');
    const placed = await trade({
      symbol: 'BTCUSDT',
      side: 'sell',
      type: 'limit',
      quantity: '0.001',
      price: '70000',
    });
    const { id } = (placed.body as Envelope<OrderBody>).data;
    const cancelled = await t.http.delete(`/orders/${id}`).set(...auth);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.data.status).toBe('cancelled');
    const again = await t.http.delete(`/orders/${id}`).set(...auth);
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/already cancelled/);
  });

  it('rounds the quantity down to the lot and the price to the tick', async () => {
    t.paper().setQuote('AAPL', '190', '190.02');
    const placed = await trade({
      symbol: 'AAPL',
      side: 'buy',
      type: 'limit',
      quantity: '3.7',
      price: '150.004',
    });
    expect(placed.status).toBe(201);
    expect(placed.body.data).toEqual(
      expect.objectContaining({ quantity: '3', price: '150', status: 'submitted' }),
    );
  });

  it('returns the first result for a retried clientOrderId instead of placing a second order', async () => {
    t.paper().setQuote('ETHUSDT', '3000', '3000.5');
    const body = {
      symbol: 'ETHUSDT',
      side: 'sell',
      type: 'limit',
      quantity: '0.01',
      price: '9000',
      clientOrderId: 'retry-me',
    };
    const [first, second, third] = await Promise.all([trade(body), trade(body), trade(body)]);
    expect([first?.status, second?.status, third?.status]).toEqual([201, 201, 201]);
    expect(second?.body.data.id).toBe(first?.body.data.id);
    expect(third?.body.data.id).toBe(first?.body.data.id);
    const open = await t.paper().getOpenOrders();
    expect(open.filter((order) => order.clientOrderId === 'retry-me')).toHaveLength(1);
  });

  it('attaches take-profit and stop-loss children to a bracket entry, one cancelling the other', async () => {
    t.paper().setQuote('EURUSD', '1.08', '1.08002');
    const placed = await trade({
      symbol: 'EURUSD',
      side: 'buy',
      type: 'market',
      quantity: '10000',
      takeProfit: '1.09',
      stopLoss: '1.07',
    });
    expect(placed.status).toBe(201);
    const entry = (placed.body as Envelope<OrderBody>).data;
    expect(entry.status).toBe('filled');

    t.paper().setQuote('EURUSD', '1.09001', '1.09003');
    await t.settle();
    const updates =
      await get<{ orderId: string; status: string; clientOrderId: string }[]>('/orders/status?limit=50');
    const childIds = [...new Set(updates.map((update) => update.orderId))].filter((id) => id !== entry.id);
    const children = await Promise.all(childIds.map((id) => get<OrderBody>(`/orders/${id}`)));
    const bracket = children.filter((child) => child.parentId === entry.id);
    expect(bracket.map((child) => [child.role, child.status]).sort()).toEqual([
      ['stop_loss', 'cancelled'],
      ['take_profit', 'filled'],
    ]);
    expect((await get<PositionBody[]>('/positions')).some((p) => p.symbol === 'EURUSD')).toBe(false);
  });

  it('answers an unknown symbol with 422 and an unknown order id with 404', async () => {
    const unknownSymbol = await trade({ symbol: 'NOPE', side: 'buy', type: 'market', quantity: '1' });
    expect(unknownSymbol.status).toBe(422);
    expect(unknownSymbol.body.data.code).toBe('unknown_symbol');
    const unknownOrder = await t.http.get('/orders/00000000-0000-4000-8000-000000000000').set(...auth);
    expect(unknownOrder.status).toBe(404);
    const badId = await t.http.get('/orders/not-a-uuid').set(...auth);
    expect(badId.status).toBe(400);
  });

  it('refuses an order the account cannot margin with 422 insufficient_funds, and records it rejected', async () => {
    const response = await trade({
      symbol: 'BTCUSDT',
      side: 'buy',
      type: 'market',
      quantity: '500',
      clientOrderId: 'too-big',
    });
    expect(response.status).toBe(422);
    expect(response.body.data.code).toBe('insufficient_funds');
    const updates =
      await get<{ clientOrderId: string; status: string; reason: string | null }[]>('/orders/status');
    expect(updates.find((update) => update.clientOrderId === 'too-big')).toEqual(
      expect.objectContaining({ status: 'rejected', reason: expect.stringMatching(/insufficient_funds/) }),
    );
  });

  it('serves a ticker and candles from the paper price history', async () => {
    const ticker = await get<{ bid: string; ask: string; symbol: string }>('/market/ticker?symbol=BTCUSDT');
    expect(Number(ticker.bid)).toBeLessThan(Number(ticker.ask));
    const candles = await get<{ openTime: string; open: string; high: string; low: string; close: string }[]>(
      '/market/candles?symbol=BTCUSDT&timeframe=5m&limit=10',
    );
    expect(candles.length).toBeGreaterThan(0);
    expect(candles.length).toBeLessThanOrEqual(10);
    for (const candle of candles) {
      expect(candle.openTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00\.000Z$/);
      expect(Number(candle.low)).toBeLessThanOrEqual(Math.min(Number(candle.open), Number(candle.close)));
      expect(Number(candle.high)).toBeGreaterThanOrEqual(Math.max(Number(candle.open), Number(candle.close)));
    }
    const times = candles.map((candle) => Date.parse(candle.openTime));
    expect([...times].sort((a, b) => a - b)).toEqual(times);

    const badTimeframe = await t.http.get('/market/candles?symbol=BTCUSDT&timeframe=7m').set(...auth);
    expect(badTimeframe.status).toBe(422);
    expect(badTimeframe.body.message).toMatch(/7m/);
  });
});
