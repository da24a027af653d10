import { ADMIN_KEY, bearer, paperAccount, startTestApp, type TestApp } from './support/test-app.js';

interface OrderBody {
  id: string;
  status: string;
  side: string;
  quantity: string;
  type: string;
  strategy: string | null;
  clientOrderId: string;
}

describe('POST /strategies/:name/trigger: a signal becomes the order it describes', () => {
  let app: TestApp;
  const auth = bearer(ADMIN_KEY);
  const fire = (body: Record<string, unknown>, strategy = 'sma-crossover') =>
    app.http
      .post(`/strategies/${strategy}/trigger`)
      .set(...auth)
      .send({ symbol: 'BTCUSDT', ...body });
  const ordersOf = async (): Promise<OrderBody[]> =>
    (await app.http.get('/orders?limit=100').set(...auth)).body.data.items as OrderBody[];

  beforeAll(async () => {
    app = await startTestApp({
      config: {
        accounts: [paperAccount()],
        throttle: { trade: { limit: 1000, ttlMs: 1000 } },
      },
    });
  });
  afterAll(() => app.close());

  it('places a market order carrying the strategy, and the trade log knows it', async () => {
    const response = await fire({ signalId: 'sig-1', side: 'buy', quantity: '0.01' });
    expect(response.status).toBe(201);
    expect(response.body.data).toEqual(
      expect.objectContaining({
        side: 'buy',
        type: 'market',
        quantity: '0.01',
        status: 'filled',
        strategy: 'sma-crossover',
      }),
    );
    const trades = await app.http.get('/trades?strategy=sma-crossover').set(...auth);
    expect(trades.body.data.items).toHaveLength(1);
  });

  it('answers a repeated signal with the first order and never places a second; another body under its id is a 409', async () => {
    const first = await fire({ signalId: 'sig-repeat', side: 'buy', quantity: '0.01' });
    const again = await fire({ signalId: 'sig-repeat', side: 'buy', quantity: '0.01' });
    expect(again.status).toBe(201);
    expect((again.body.data as OrderBody).id).toBe((first.body.data as OrderBody).id);
    const clientOrderId = (first.body.data as OrderBody).clientOrderId;
    expect((await ordersOf()).filter((order) => order.clientOrderId === clientOrderId)).toHaveLength(1);
    const changed = await fire({ signalId: 'sig-repeat', side: 'sell', quantity: '0.01' });
    expect(changed.status).toBe(409);
  });

  it('sizes by percent of equity and trades toward a target position', async () => {
    const sized = await fire({ signalId: 'sig-pct', side: 'buy', percentOfEquity: '10', price: '70000' });
    expect(sized.status).toBe(201);
    // 10 % of 100,000 at 70,000 is 0.142857…, rounded down to the 0.001 lot.
    expect((sized.body.data as OrderBody).quantity).toBe('0.142');
    const positions = await app.http.get('/positions').set(...auth);
    const held = (positions.body.data as { symbol: string; quantity: string }[]).find(
      (p) => p.symbol === 'BTCUSDT',
    );
    const target = await fire({ signalId: 'sig-flat', targetPosition: '0' });
    expect(target.status).toBe(201);
    expect(target.body.data).toEqual(expect.objectContaining({ side: 'sell', quantity: held?.quantity }));
    const already = await fire({ signalId: 'sig-flat-again', targetPosition: '0' });
    expect(already.status).toBe(422);
    expect(already.body.message).toMatch(/already 0: nothing to trade/);
  });

  it('refuses an unknown strategy, a malformed signal, and every signal while the kill switch is on', async () => {
    expect(
      (await fire({ signalId: 'sig-x', side: 'buy', quantity: '0.01' }, 'no-such-strategy')).status,
    ).toBe(404);
    const malformed = await fire({ signalId: 'sig-bad', side: 'buy' });
    expect(malformed.status).toBe(400);
    expect(JSON.stringify(malformed.body)).toMatch(/quantity or percentOfEquity is required with side/);
    expect(
      (await fire({ signalId: 'sig-both', targetPosition: '1', side: 'buy', quantity: '1' })).status,
    ).toBe(400);
    const live = async (): Promise<number> =>
      (await ordersOf()).filter((order) => order.status !== 'rejected').length;
    const before = await live();
    await app.http
      .post('/risk/kill-switch')
      .set(...auth)
      .send({ enabled: true })
      .expect(200);
    const refused = await fire({ signalId: 'sig-killed', side: 'buy', quantity: '0.01' });
    expect(refused.status).toBe(422);
    expect(refused.body.message).toMatch(/kill switch/i);
    await app.http
      .post('/risk/kill-switch')
      .set(...auth)
      .send({ enabled: false })
      .expect(200);
    expect(await live()).toBe(before);

    // Each refusal is counted under its reason, the unknown strategy under one label whatever its name.
    const metrics = (await app.http.get('/metrics').set(...auth)).text;
    const count = (labels: string): number =>
      Number(new RegExp(`edgerunner_signals_total\\{${labels}\\} (\\d+)`).exec(metrics)?.[1] ?? 0);
    expect(count('source="trigger",strategy="sma-crossover",outcome="refused",reason="kill_switch"')).toBe(1);
    expect(count('source="trigger",strategy="unknown",outcome="refused",reason="unknown_strategy"')).toBe(1);
    expect(
      count('source="trigger",strategy="sma-crossover",outcome="refused",reason="validation_failed"'),
    ).toBe(2);
    expect(count('source="trigger",strategy="sma-crossover",outcome="accepted",reason=""')).toBeGreaterThan(
      0,
    );
    expect(metrics).not.toMatch(/no-such-strategy/);
  });
});
