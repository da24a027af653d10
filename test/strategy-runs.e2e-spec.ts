import { runBacktest } from '#backtest/engine/run-backtest.js';
import { SMA_CROSSOVER } from '#backtest/strategies/moving-average-crossovers.js';
import { resolveParameters } from '#backtest/strategy/resolve-parameters.js';
import { StrategyRunService } from '../src/strategy/runs/strategy-run.service.js';
import { googReplayAccount, googSeries } from './support/replay-account.js';
import { StreamClient } from './support/stream-client.js';
import { ADMIN_KEY, bearer, startTestApp, type TestApp } from './support/test-app.js';

interface RunBody {
  id: string;
  status: string;
  statusReason: string | null;
  lastBarTime: string | null;
}
interface RunDetail extends RunBody {
  signals: { clientOrderId: string; barTime: string; signalIndex: number; tag: string | null }[];
  orders: { id: string; clientOrderId: string; side: string; status: string; strategy: string | null }[];
  fills: { orderId: string; side: string; quantity: string; price: string }[];
  results: { position: string; pnl: string | null; fills: number };
}

const auth = bearer(ADMIN_KEY);
const PARAMETERS = { fast: 10, slow: 30 };
const START = { account: 'paper', symbol: 'GOOG', timeframe: '1d', parameters: PARAMETERS };

/** Ticks the replay through `candles` more candles (four ticks each), letting the run act on every one. */
async function replay(app: TestApp, candles: number): Promise<void> {
  const runs = app.app.get(StrategyRunService);
  for (let tick = 0; tick < candles * 4; tick += 1) {
    app.paper().tick();
    await runs.settled();
    await app.settle();
    await runs.settled();
  }
}

const startRun = async (app: TestApp, body: Record<string, unknown> = {}): Promise<RunBody> => {
  const response = await app.http
    .post('/strategies/sma-crossover/runs')
    .set(...auth)
    .send({ ...START, sizing: { kind: 'fixed', quantity: '10' }, ...body });
  expect(response.status).toBe(201);
  return response.body.data as RunBody;
};
const detail = async (app: TestApp, id: string): Promise<RunDetail> =>
  (await app.http.get(`/strategies/runs/${id}`).set(...auth)).body.data as RunDetail;

describe('Live strategy runs on the paper replay', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ config: { accounts: [googReplayAccount()] } });
  });
  afterAll(() => app.close());

  it('trades as the backtest of the same strategy on the same candles: same bars, sides, quantities, prices', async () => {
    const run = await startRun(app);
    expect(run.status).toBe('running');
    const candles = 160;
    await replay(app, candles);
    const live = await detail(app, run.id);

    // The run has acted on bars 0..candles-1; each market order filled at the next candle's open.
    const series = googSeries(candles + 1);
    const backtest = runBacktest(SMA_CROSSOVER, resolveParameters(SMA_CROSSOVER, PARAMETERS), [series], {
      startingCash: 100_000,
      commission: { perOrder: 0, bps: 0 },
      slippage: { kind: 'bps', amount: 0 },
      sizing: { kind: 'fixed', quantity: 10 },
      marketFill: 'next_open',
    });
    const times = Array.from(series.time);
    const liveTrades = live.signals.map((signal) => {
      const order = live.orders.find((each) => each.clientOrderId === signal.clientOrderId)!;
      const fill = live.fills.find((each) => each.orderId === order.id)!;
      const next = times[times.indexOf(Date.parse(signal.barTime)) + 1]!;
      return { time: next, side: fill.side, quantity: Number(fill.quantity), price: Number(fill.price) };
    });
    expect(backtest.fills.length).toBeGreaterThanOrEqual(4);
    expect(liveTrades.map(({ time, side, quantity }) => ({ time, side, quantity }))).toEqual(
      backtest.fills.map(({ time, side, quantity }) => ({ time, side, quantity })),
    );
    liveTrades.forEach((trade, index) => {
      // The paper broker fills at its quote: the open with a one-tick spread around it.
      expect(Math.abs(trade.price - backtest.fills[index]!.price)).toBeLessThanOrEqual(0.01);
    });
    expect(live.orders.every((order) => order.strategy === 'sma-crossover')).toBe(true);

    // The strategy's own results: its trades in the log, and its PnL as the run reckons it.
    const trades = await app.http.get('/trades?strategy=sma-crossover&limit=500').set(...auth);
    expect(trades.body.data.items).toHaveLength(live.fills.length);
    const performance = await app.http.get('/performance?strategy=sma-crossover').set(...auth);
    expect(performance.status).toBe(200);
    expect(performance.body.data.strategy).toBe('sma-crossover');
    expect(Number(performance.body.data.totalPnl)).toBeCloseTo(Number(live.results.pnl), 6);
  });

  it('stops cleanly: cancels its orders, closes its own position, and refuses a second stop', async () => {
    const run = await startRun(app);
    const client = await StreamClient.connect(app.url, ADMIN_KEY);
    const streamed: { kind: string; run?: RunBody }[] = [];
    client.socket.on('strategies', (event: { type: string; data: { kind: string; run?: RunBody } }) => {
      if (event.type === 'delta') streamed.push(event.data);
    });
    try {
      await client.request('subscribe', { channels: ['strategies'] });
      // On until the run holds a position (a crossover within a few dozen candles of this stretch).
      for (let candle = 0; candle < 120; candle += 1) {
        await replay(app, 1);
        if ((await detail(app, run.id)).results.position !== '0') break;
      }
      expect((await detail(app, run.id)).results.position).toBe('10');
      const stopped = await app.http
        .post(`/strategies/runs/${run.id}/stop`)
        .set(...auth)
        .send({ flatten: true, cancelOrders: true });
      expect(stopped.status).toBe(200);
      expect(stopped.body.data).toEqual(expect.objectContaining({ status: 'stopped' }));
      await app.settle();
      const after = await detail(app, run.id);
      expect(after.results.position).toBe('0');
      expect(after.signals.at(-1)).toEqual(expect.objectContaining({ tag: 'flatten', signalIndex: -1 }));
      const ordersBefore = after.orders.length;
      await replay(app, 20);
      expect((await detail(app, run.id)).orders).toHaveLength(ordersBefore);
      const again = await app.http
        .post(`/strategies/runs/${run.id}/stop`)
        .set(...auth)
        .send({});
      expect(again.status).toBe(409);
      const deadline = Date.now() + 2000;
      while (!streamed.some((each) => each.run?.status === 'stopped') && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 20));
      expect(streamed.filter((each) => each.kind === 'run').map((each) => each.run?.status)).toContain(
        'stopped',
      );
      expect(streamed.some((each) => each.kind === 'signal')).toBe(true);
    } finally {
      client.close();
    }
  });

  it('refuses a bad run with a clear error: unknown strategy, parameter, symbol, timeframe and run', async () => {
    const post = (strategy: string, body: Record<string, unknown>) =>
      app.http
        .post(`/strategies/${strategy}/runs`)
        .set(...auth)
        .send({ ...START, ...body });
    expect((await post('no-such', {})).status).toBe(404);
    const parameter = await post('sma-crossover', { parameters: { fast: 40, slow: 30 } });
    expect(parameter.status).toBe(400);
    expect(parameter.body.message).toMatch(/parameters\.fast/);
    expect((await post('sma-crossover', { symbol: 'NOPE' })).status).toBe(422);
    expect((await post('sma-crossover', { timeframe: '7m' })).status).toBe(400);
    expect((await post('sma-crossover', { sizing: { kind: 'fixed' } })).status).toBe(400);
    expect((await app.http.get('/strategies/runs/not-a-run').set(...auth)).status).toBe(404);
    const run = await startRun(app);
    const list = await app.http.get('/strategies/runs').set(...auth);
    expect((list.body.data as RunBody[]).map((each) => each.id)).toContain(run.id);
    await app.http
      .post(`/strategies/runs/${run.id}/stop`)
      .set(...auth)
      .send({})
      .expect(200);
  });
});

describe('A live run whose account goes away', () => {
  it('pauses while the account is disconnected, says why, and goes on when it is back', async () => {
    const app = await startTestApp({ config: { accounts: [googReplayAccount()] } });
    try {
      const run = await startRun(app);
      const runs = app.app.get(StrategyRunService);
      await app.http
        .post('/broker/disconnect')
        .set(...auth)
        .send({ account: 'paper' })
        .expect(200);
      await runs.settled();
      const paused = await detail(app, run.id);
      expect(paused.status).toBe('paused');
      expect(paused.statusReason).toMatch(/account paper is down/);
      await app.http
        .post('/broker/connect')
        .set(...auth)
        .send({ account: 'paper' })
        .expect(200);
      await runs.settled();
      expect(await detail(app, run.id)).toEqual(
        expect.objectContaining({ status: 'running', statusReason: null }),
      );
      await replay(app, 3);
      // Bars close and reach the strategy again: the replay's third candle is the last one acted on.
      expect((await detail(app, run.id)).lastBarTime).toBe('2004-08-23T00:00:00.000Z');
    } finally {
      await app.close();
    }
  });
});

describe('A live run across a restart', () => {
  it('resumes after the process comes back and never places an order twice', async () => {
    const config = { accounts: [googReplayAccount()] };
    const first = await startTestApp({ config });
    const dataDir = first.dataDir;
    let run: RunBody;
    let before: RunDetail;
    try {
      run = await startRun(first);
      await replay(first, 120);
      before = await detail(first, run.id);
      expect(before.orders.length).toBeGreaterThan(0);
      await first.app.close();
    } catch (error) {
      await first.close();
      throw error;
    }
    const second = await startTestApp({ config, dataDir });
    try {
      const resumed = await detail(second, run.id);
      expect(resumed.status).toBe('running');
      expect(resumed.lastBarTime).toBe(before.lastBarTime);
      // The replay starts over from the file's first candle: every bar up to the last one acted on comes
      // again, and none of them may place an order a second time.
      await replay(second, 200);
      const after = await detail(second, run.id);
      const ids = after.orders.map((order) => order.clientOrderId);
      expect(new Set(ids).size).toBe(ids.length);
      for (const order of before.orders) expect(ids).toContain(order.clientOrderId);
      expect(
        after.signals.filter((signal) => Date.parse(signal.barTime) <= Date.parse(before.lastBarTime!)),
      ).toHaveLength(before.signals.length);
      expect(Date.parse(after.lastBarTime!)).toBeGreaterThan(Date.parse(before.lastBarTime!));
    } finally {
      await second.close();
    }
  });
});
