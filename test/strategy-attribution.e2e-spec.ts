import { ADMIN_KEY, bearer, startTestApp, type TestApp } from './support/test-app.js';

interface FillBody {
  orderId: string | null;
  strategy: string | null;
}

describe('Orders and fills carry the strategy that placed them', () => {
  let t: TestApp;
  const auth = bearer(ADMIN_KEY);
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const trade = (body: Record<string, unknown>) =>
    t.http
      .post('/trade')
      .set(...auth)
      .send({ symbol: 'ETHUSDT', side: 'buy', type: 'market', quantity: '0.1', ...body });
  const fills = async (query: string): Promise<FillBody[]> => {
    const response = await t.http.get(`/trades${query}`).set(...auth);
    expect(response.status).toBe(200);
    return (response.body as { data: { items: FillBody[] } }).data.items;
  };

  it('stores the strategy on the order and its fill, and GET /trades?strategy= finds only its fills', async () => {
    const byStrategy = await trade({ strategy: 'sma-crossover', clientOrderId: 'attr-1' });
    expect(byStrategy.status).toBe(201);
    expect(byStrategy.body.data.strategy).toBe('sma-crossover');
    const byHand = await trade({ side: 'sell' });
    expect(byHand.status).toBe(201);
    expect(byHand.body.data.strategy).toBeNull();
    await t.settle();

    const detail = await t.http.get(`/orders/${byStrategy.body.data.id as string}`).set(...auth);
    expect(detail.body.data.strategy).toBe('sma-crossover');
    const own = await fills('?strategy=sma-crossover');
    expect(own).toEqual([
      expect.objectContaining({ orderId: byStrategy.body.data.id, strategy: 'sma-crossover' }),
    ]);
    expect(await fills('?strategy=ema-crossover')).toEqual([]);
    const all = await fills('');
    expect(all.find((fill) => fill.orderId === byHand.body.data.id)?.strategy).toBeNull();
  });

  it('treats a retry naming another strategy as a different order (409), placing nothing', async () => {
    const retry = await trade({ strategy: 'ema-crossover', clientOrderId: 'attr-1' });
    expect(retry.status).toBe(409);
    expect(await fills('?strategy=ema-crossover')).toEqual([]);
  });

  it('refuses a strategy label outside the allowed characters with 400 naming the field', async () => {
    const response = await trade({ strategy: 'bad label!' });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toContain('strategy');
  });
});
