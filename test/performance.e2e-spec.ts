import { ADMIN_KEY, bearer, paperAccount, startTestApp, type TestApp } from './support/test-app.js';

interface PerformanceBody {
  equityCurve: unknown[];
  maxDrawdown?: { amount: string; peakAt: string | null };
  dailyPnl?: { pnl: string }[];
  [field: string]: unknown;
}

describe('GET /performance', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({
      config: { accounts: [paperAccount()], throttle: { trade: { limit: 1000, ttlMs: 1000 } } },
    });
  });
  afterAll(() => app.close());

  const trade = (side: 'buy' | 'sell') =>
    app.http
      .post('/trade')
      .set(...bearer(ADMIN_KEY))
      .send({ symbol: 'ETHUSDT', side, type: 'market', quantity: '1' });

  it('reports the live record: equity curve, PnL, drawdown and return after a losing round trip', async () => {
    const paper = app.paper();
    paper.setQuote('ETHUSDT', '3000', '3001');
    expect((await trade('buy')).status).toBe(201);
    paper.setQuote('ETHUSDT', '2900', '2901');
    expect((await trade('sell')).status).toBe(201);
    // Snapshots are written after each fill; give the writes a moment.
    let body: PerformanceBody = { equityCurve: [] };
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const response = await app.http.get('/performance').set(...bearer(ADMIN_KEY));
      expect(response.status).toBe(200);
      body = response.body.data as PerformanceBody;
      if (body.equityCurve.length >= 3) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(body).toEqual(
      expect.objectContaining({ account: 'paper', currency: 'USD', startEquity: expect.any(String) }),
    );
    expect(body.equityCurve.length).toBeGreaterThanOrEqual(3);
    // Bought at the ask 3001, sold at the bid 2900, less fees: a loss of a little over 101.
    expect(Number(body.totalPnl)).toBeLessThan(-101);
    expect(Number(body.realizedPnl)).toBeLessThan(-101);
    expect(body.unrealizedPnl).toBe('0');
    expect(Number(body.return)).toBeLessThan(0);
    expect(Number(body.maxDrawdown?.amount)).toBeGreaterThanOrEqual(-Number(body.totalPnl) - 0.000001);
    expect(body.maxDrawdown?.peakAt).toMatch(/Z$/);
    expect(body.dailyPnl).toHaveLength(1);
    expect(body.dailyPnl?.[0]?.pnl).toBe(body.totalPnl);
    expect(body.sharpe).toBeNull(); // one day of record is too short for a ratio
  });

  it('refuses a malformed or reversed period with 400 and an unknown account with 404', async () => {
    const get = (query: string) => app.http.get(`/performance?${query}`).set(...bearer(ADMIN_KEY));
    expect((await get('from=yesterday')).status).toBe(400);
    expect((await get('from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z')).status).toBe(400);
    const unknown = await get('account=nope');
    expect(unknown.status).toBe(404);
    expect(unknown.body.status).toBe('error');
  });

  it('reads an empty period as an empty record, not an error', async () => {
    const response = await app.http
      .get('/performance?from=2020-01-01T00:00:00Z&to=2020-01-02T00:00:00Z')
      .set(...bearer(ADMIN_KEY));
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual(
      expect.objectContaining({ from: null, equityCurve: [], totalPnl: '0', sharpe: null }),
    );
  });
});
