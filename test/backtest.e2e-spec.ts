import { escapeHtml } from '../src/strategy/report/html-escape.js';
import {
  reportContentSecurityPolicy,
  reportContentSecurityPolicyHeader,
} from '../src/strategy/report/report-content-security-policy.js';
import { ADMIN_KEY, bearer, startTestApp, type TestApp } from './support/test-app.js';

interface Envelope<T = Record<string, unknown>> {
  status: 'success' | 'error';
  data: T;
  message: string;
}
type Backtest = {
  id: string;
  status: string;
  progressPercent: number;
  kind: string;
  error: string | null;
  statistics: Record<string, number | null> | null;
  equity?: { time: string; equity: string; drawdown: number }[];
  trades?: { total: number; items: Record<string, unknown>[]; nextCursor: string | null };
  ranking?: {
    rankBy: string;
    items: { rank: number; parameters: Record<string, number>; statistics: Record<string, number | null> }[];
  };
  parameters: Record<string, unknown> | null;
};

const admin = bearer(ADMIN_KEY);

/** The paper account's made-up history: the two hours of minute bars before now. */
function paperRange(): { from: string; to: string } {
  const to = new Date(Math.floor(Date.now() / 60_000) * 60_000);
  return { from: new Date(to.getTime() - 115 * 60_000).toISOString(), to: to.toISOString() };
}

describe('Backtests over HTTP (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function run(body: Record<string, unknown>) {
    return t.http
      .post('/backtest/run')
      .set(...admin)
      .send(body);
  }

  async function finished(id: string, query = ''): Promise<Backtest> {
    for (let attempt = 0; attempt < 600; attempt += 1) {
      const response = await t.http.get(`/backtest/${id}${query}`).set(...admin);
      const body = response.body as Envelope<Backtest>;
      if (!['queued', 'running'].includes(body.data.status)) return body.data;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`backtest ${id} did not finish`);
  }

  const paperRun = (extra: Record<string, unknown> = {}) => ({
    strategy: 'sma-crossover',
    parameters: { fast: 3, slow: 8 },
    account: 'paper',
    symbols: ['BTCUSDT'],
    timeframe: '1m',
    ...paperRange(),
    ...extra,
  });

  it('lists the built-in strategies with their parameter schemas and warm-up', async () => {
    const response = await t.http.get('/strategies').set(...admin);
    expect(response.status).toBe(200);
    const strategies = (
      response.body as Envelope<{ name: string; parameters: Record<string, unknown>; warmupBars: number }[]>
    ).data;
    expect(strategies.map((strategy) => strategy.name)).toEqual([
      'sma-crossover',
      'ema-crossover',
      'rsi-mean-reversion',
      'donchian-breakout',
      'bollinger-reversion',
      'macd-signal-cross',
    ]);
    const sma = strategies[0]!;
    expect(sma.parameters.fast).toMatchObject({ type: 'integer', default: 10, min: 1 });
    expect(sma.warmupBars).toBe(30);
    expect((await t.http.get('/strategies/nope').set(...admin)).status).toBe(404);
  });

  it('runs a backtest on the paper account to completion: statistics, equity curve, paged trades, report', async () => {
    const response = await run(
      paperRun({
        cash: '10000',
        commission: { perOrder: '0.5', bps: 2 },
        sizing: { kind: 'fixed', quantity: '0.01' },
      }),
    );
    expect(response.status).toBe(202);
    const queued = (response.body as Envelope<Backtest>).data;
    expect(queued).toMatchObject({
      status: 'queued',
      kind: 'single',
      parameters: expect.objectContaining({ fast: 3, slow: 8 }),
    });

    const done = await finished(queued.id, '?tradesLimit=2');
    expect(done.status).toBe('completed');
    expect(done.progressPercent).toBe(100);
    expect(done.statistics).toMatchObject({ startingCash: 10000, trades: expect.any(Number) });
    expect(done.statistics!.trades).toBeGreaterThan(0);
    expect(done.equity!.length).toBeGreaterThan(100);
    expect(Number(done.equity![0]!.equity)).toBeCloseTo(10000, 6);
    // The statistics count closed trades; the list also shows one still open at the end.
    expect(done.trades!.total - done.statistics!.trades!).toBeGreaterThanOrEqual(0);
    expect(done.trades!.total - done.statistics!.trades!).toBeLessThanOrEqual(1);
    expect(done.trades!.items.length).toBeLessThanOrEqual(2);
    expect(done.trades!.items[0]).toMatchObject({
      symbol: 'BTCUSDT',
      quantity: '0.01',
      entryPrice: expect.stringMatching(/^\d/),
    });
    // Rounded like the broker: the account's tick and lot size go into the run's settings.
    const instruments = await t.http.get('/market/instruments').set(...admin);
    type InstrumentBody = { symbol: string; tickSize: string; lotSize: string };
    const btc = (instruments.body as Envelope<InstrumentBody[]>).data.find(
      (one) => one.symbol === 'BTCUSDT',
    )!;
    const tick = Number(btc.tickSize);
    expect((done as unknown as { settings: { instruments: unknown } }).settings.instruments).toEqual({
      BTCUSDT: { tickSize: tick, lotSize: Number(btc.lotSize) },
    });
    for (const trade of done.trades!.items) {
      const ticks = Number(trade.entryPrice) / tick;
      expect(Math.abs(ticks - Math.round(ticks))).toBeLessThan(1e-6);
    }
    if (done.trades!.total > 2) {
      const next = await t.http
        .get(`/backtest/${queued.id}?tradesLimit=2&tradesCursor=${done.trades!.nextCursor}`)
        .set(...admin);
      const page = (next.body as Envelope<Backtest>).data.trades!;
      expect(page.items[0]).not.toEqual(done.trades!.items[0]);
    }

    const list = await t.http.get('/backtests?limit=5').set(...admin);
    expect((list.body as Envelope<{ items: { id: string }[] }>).data.items[0]!.id).toBe(queued.id);

    const report = await t.http.get(`/backtest/${queued.id}/report`).set(...admin);
    expect(report.status).toBe(200);
    expect(report.headers['content-type']).toMatch(/^text\/html/);
    expect(report.text).toContain(queued.id);
    // The page's own policy (its inline scripts by hash) in place of the API's script-less one.
    expect(report.headers['content-security-policy']).toBe(reportContentSecurityPolicyHeader());
    expect(report.text).toContain(`content="${escapeHtml(reportContentSecurityPolicy())}"`);
    expect(report.headers['x-content-type-options']).toBe('nosniff');
  });

  it('runs a sweep and ranks its combinations; the benchmark ranks strategies by their best run', async () => {
    const response = await run(
      paperRun({ parameters: undefined, grid: { fast: [2, 3, 5], slow: [5, 8, 13] } }),
    );
    expect(response.status).toBe(202);
    const sweep = (response.body as Envelope<Backtest>).data;
    // fast >= slow pairs (5/5) are skipped: 8 of the 9 run.
    expect(sweep).toMatchObject({ kind: 'sweep', combinations: 8 });
    const done = await finished(sweep.id, '?rankBy=totalReturn');
    expect(done.status).toBe('completed');
    const ranked = done.ranking!.items;
    expect(ranked).toHaveLength(8);
    const returns = ranked.map((item) => item.statistics.totalReturn as number);
    expect(returns).toEqual([...returns].sort((a, b) => b - a));

    const other = await run(paperRun({ strategy: 'ema-crossover' }));
    await finished((other.body as Envelope<Backtest>).data.id);
    const benchmark = await t.http
      .get('/strategies/benchmark?by=totalReturn&symbol=BTCUSDT&timeframe=1m')
      .set(...admin);
    expect(benchmark.status).toBe(200);
    const entries = (
      benchmark.body as Envelope<{
        items: { strategy: string; value: number; backtestId: string; parameters: Record<string, unknown> }[];
      }>
    ).data.items;
    expect(entries.map((entry) => entry.strategy).sort()).toEqual(['ema-crossover', 'sma-crossover']);
    expect(entries[0]!.value).toBeGreaterThanOrEqual(entries[1]!.value);
    const sma = entries.find((entry) => entry.strategy === 'sma-crossover')!;
    // The SMA's best is the sweep's top combination by total return, or the single run if that did better.
    expect(sma.value).toBeGreaterThanOrEqual(returns[0]!);
    expect((await t.http.get('/strategies/benchmark?by=luck').set(...admin)).status).toBe(400);
  });

  it('refuses bad input in the envelope, naming what is wrong, and queues nothing', async () => {
    const before = (await t.http.get('/backtests').set(...admin)).body as Envelope<{ items: unknown[] }>;

    const unknown = await run(paperRun({ strategy: 'moon-phase' }));
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ status: 'error', message: expect.stringContaining('moon-phase') });

    const badParameter = await run(paperRun({ parameters: { fast: 'ten' } }));
    expect(badParameter.status).toBe(400);
    expect(badParameter.body.message).toContain('fast');

    const crossed = await run(paperRun({ parameters: { fast: 30, slow: 10 } }));
    expect(crossed.status).toBe(400);
    expect(crossed.body.message).toContain('fast');

    const tooFew = await run(paperRun({ parameters: { fast: 10, slow: 500 } }));
    expect(tooFew.status).toBe(422);
    expect(tooFew.body.message).toMatch(/bars/);

    const empty = await run(paperRun({ from: '2020-01-01T00:00:00.000Z', to: '2020-01-01T03:00:00.000Z' }));
    expect(empty.status).toBe(422);

    const values = Array.from({ length: 50 }, (_, index) => index + 1);
    const huge = await run(
      paperRun({ parameters: undefined, grid: { fast: values, slow: values.map((value) => value + 50) } }),
    );
    expect(huge.status).toBe(422);
    expect(huge.body.message).toContain('2500 combinations');

    const readKey = await t.createKey(['read']);
    const forbidden = await t.http
      .post('/backtest/run')
      .set(...bearer(readKey))
      .send(paperRun());
    expect(forbidden.status).toBe(403);

    const after = (await t.http.get('/backtests').set(...admin)).body as Envelope<{ items: unknown[] }>;
    expect(after.data.items).toHaveLength(before.data.items.length);

    expect((await t.http.get('/backtest/00000000-0000-4000-8000-000000000000').set(...admin)).status).toBe(
      404,
    );
    expect(
      (await t.http.get('/backtest/00000000-0000-4000-8000-000000000000/report').set(...admin)).status,
    ).toBe(404);
  });
});
