import { API_KEY, API_SECRET, type BybitSpecKit, startBybitSpecKit } from './testing/bybit-spec-kit.js';

describe('BybitSimulator rate limits', () => {
  let kit: BybitSpecKit;

  /**
   * A window long enough that a loaded machine sends a test's requests within it (a short one rolled
   * between them under CI load), short enough that the test that waits for it to roll stays quick.
   */
  const start = async (rateLimitWindowMs: number): Promise<void> => {
    kit = await startBybitSpecKit({
      historyMinutes: 5,
      rateLimits: { '/v5/order/create': { linear: 3, spot: 5 }, '/v5/order/realtime': 50 },
      rateLimitWindowMs,
    });
  };

  afterEach(async () => {
    await kit.close();
  });

  const order = (category: 'linear' | 'spot') =>
    ({ category, symbol: 'BTCUSDT', side: 'Buy', orderType: 'Limit', qty: '0.001', price: '60000' }) as const;

  it('counts each endpoint per uid and category, reports it in the X-Bapi-Limit headers, and answers 10006 past it', async () => {
    await start(1500);
    const rest = kit.restWith({ key: API_KEY, secret: API_SECRET, parseAPIRateLimits: true });
    const remaining: (number | undefined)[] = [];
    for (let i = 0; i < 3; i++) {
      const answer = await rest.submitOrder(order('linear'));
      expect(answer.retCode).toBe(0);
      expect(answer.rateLimitApi?.maxRequests).toBe(3);
      remaining.push(answer.rateLimitApi?.remainingRequests);
    }
    expect(remaining).toEqual([2, 1, 0]);

    const before = Date.now();
    const refused = await rest.submitOrder(order('linear'));
    expect([refused.retCode, refused.retMsg]).toEqual([10006, 'Too many visits!']);
    expect(refused.rateLimitApi?.remainingRequests).toBe(0);
    expect(refused.rateLimitApi?.resetAtTimestamp).toBeGreaterThan(before);
    expect(kit.simulator.orders()).toHaveLength(3);

    // Spot has its own budget, and other endpoints theirs.
    expect((await rest.submitOrder(order('spot'))).rateLimitApi?.remainingRequests).toBe(4);
    expect(
      (await rest.getActiveOrders({ category: 'linear', symbol: 'BTCUSDT' })).rateLimitApi?.maxRequests,
    ).toBe(50);

    // The window rolls: once the reset time has passed, the endpoint answers again.
    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, (refused.rateLimitApi?.resetAtTimestamp ?? 0) - Date.now()) + 20),
    );
    expect((await rest.submitOrder(order('linear'))).retCode).toBe(0);
  });

  it('answers 10006 with HTTP 200, as Bybit does, and sends no limit headers on public endpoints', async () => {
    await start(60_000);
    for (let i = 0; i < 3; i++) await kit.rest.submitOrder(order('linear'));
    const timestamp = String(Date.now());
    const body = JSON.stringify(order('linear'));
    const { createHmac } = await import('node:crypto');
    const sign = createHmac('sha256', API_SECRET).update(`${timestamp}${API_KEY}5000${body}`).digest('hex');
    const response = await fetch(`${kit.baseUrl}/v5/order/create`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-BAPI-API-KEY': API_KEY,
        'X-BAPI-TIMESTAMP': timestamp,
        'X-BAPI-RECV-WINDOW': '5000',
        'X-BAPI-SIGN': sign,
      },
      body,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-bapi-limit')).toBe('3');
    expect(response.headers.get('x-bapi-limit-status')).toBe('0');
    expect(((await response.json()) as { retCode: number }).retCode).toBe(10006);

    const publicAnswer = await fetch(`${kit.baseUrl}/v5/market/time`);
    expect(publicAnswer.headers.get('x-bapi-limit')).toBeNull();
  });
});
