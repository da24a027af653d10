import { defaultMt5Symbols, Mt5TerminalSimulator, openAllWeek } from '#simulators';
import { dialIn, mt5Account } from './support/mt5-account.js';
import { freePort } from './support/server-process.js';
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
}

const terminalOf = (marginMode: 'hedging' | 'netting', login: string): Mt5TerminalSimulator =>
  new Mt5TerminalSimulator({
    marginMode,
    login,
    tickIntervalMs: 0,
    symbols: openAllWeek(defaultMt5Symbols()),
  });

describe('MetaTrader 5 accounts through the app, on terminal simulators dialling in', () => {
  let hedging: Mt5TerminalSimulator;
  let netting: Mt5TerminalSimulator;
  let app: TestApp;
  let hedgingPort: number;
  let client: StreamClient | undefined;
  const auth = bearer(ADMIN_KEY);
  const trade = (body: Record<string, unknown>) =>
    app.http
      .post('/trade')
      .set(...auth)
      .send({ account: 'mt5', symbol: 'EURUSD', side: 'buy', type: 'market', quantity: '0.1', ...body });
  const order = async (id: string): Promise<OrderBody> =>
    (await app.http.get(`/orders/${id}`).set(...auth)).body.data as OrderBody;
  const positions = async (account = 'mt5'): Promise<{ symbol: string; quantity: string }[]> =>
    (await app.http.get(`/positions?account=${account}`).set(...auth)).body.data as {
      symbol: string;
      quantity: string;
    }[];
  const tradesOf = async (clientOrderId: string): Promise<{ quantity: string; side: string }[]> =>
    (
      (await app.http.get('/trades?account=mt5&limit=100').set(...auth)).body.data.items as {
        clientOrderId: string;
        quantity: string;
        side: string;
      }[]
    ).filter((fill) => fill.clientOrderId === clientOrderId);
  const accountStatus = async (name = 'mt5'): Promise<Record<string, unknown> | undefined> =>
    ((await app.http.get('/accounts').set(...auth)).body.data as Record<string, unknown>[]).find(
      (account) => account.name === name,
    );
  const bid = async (): Promise<number> =>
    Number((await app.http.get('/market/ticker?account=mt5&symbol=EURUSD').set(...auth)).body.data.bid);

  beforeAll(async () => {
    hedging = terminalOf('hedging', '5012345');
    netting = terminalOf('netting', '5012346');
    hedgingPort = await freePort();
    const nettingPort = await freePort();
    // The terminals dial in while the app starts, as EAs left running would.
    const dialled = Promise.all([dialIn(hedging, hedgingPort), dialIn(netting, nettingPort)]);
    app = await startTestApp({
      config: {
        accounts: [paperAccount(), mt5Account(hedgingPort), mt5Account(nettingPort, 'mt5-netting')],
        throttle: { trade: { limit: 1000, ttlMs: 1000 } },
      },
    });
    await dialled;
    await hedging.movePrice('EURUSD', '1.10000');
  });
  afterEach(() => client?.close());
  afterAll(async () => {
    await app.close();
    await hedging.stop();
    await netting.stop();
  });

  it('lists both MT5 accounts connected, with what MT5 supports', async () => {
    for (const name of ['mt5', 'mt5-netting'])
      expect(await accountStatus(name)).toEqual(
        expect.objectContaining({
          broker: 'mt5',
          status: 'connected',
          capabilities: expect.objectContaining({
            orderTypes: ['market', 'limit', 'stop', 'stop_limit'],
            bracketOrders: true,
          }),
        }),
      );
  });

  it('fills a market order: the order, the position, the summary and the trade log', async () => {
    const response = await trade({ clientOrderId: 'mt5-market-1' });
    expect(response.status).toBe(201);
    const id = (response.body.data as OrderBody).id;
    await eventually(async () => (await order(id)).status === 'filled', 'the order to fill');
    expect((await order(id)).brokerOrderId).toMatch(/^\d+$/);
    expect(await positions()).toEqual([expect.objectContaining({ symbol: 'EURUSD', quantity: '0.1' })]);
    const summary = (await app.http.get('/account/summary?account=mt5').set(...auth)).body.data as Record<
      string,
      string
    >;
    expect(summary).toMatchObject({ account: 'mt5', currency: 'USD' });
    expect(Number(summary.marginUsed)).toBeGreaterThan(0);
    await eventually(async () => (await tradesOf('mt5-market-1')).length === 1, 'the fill in the trade log');
  });

  it('closes part of a hedging position with an opposite order', async () => {
    const response = await trade({ clientOrderId: 'mt5-partial-close', side: 'sell', quantity: '0.04' });
    expect(response.status).toBe(201);
    await eventually(
      async () => (await positions()).some((p) => p.symbol === 'EURUSD' && p.quantity === '0.06'),
      'the position reduced to 0.06',
    );
    expect(hedging.positions().map((p) => p.volume)).toEqual(['0.06']);
  });

  it('keeps one position per symbol on a netting account, reversing through zero', async () => {
    const buy = await trade({ account: 'mt5-netting', clientOrderId: 'mt5-net-1', quantity: '0.1' });
    expect(buy.status).toBe(201);
    const sell = await trade({
      account: 'mt5-netting',
      clientOrderId: 'mt5-net-2',
      side: 'sell',
      quantity: '0.3',
    });
    expect(sell.status).toBe(201);
    await eventually(
      async () => (await positions('mt5-netting')).some((p) => p.quantity === '-0.2'),
      'one short position of 0.2',
    );
    expect(netting.positions()).toHaveLength(1);
  });

  it('rests a pending limit order at the terminal and cancels it', async () => {
    const price = ((await bid()) - 0.01).toFixed(5);
    const response = await trade({ clientOrderId: 'mt5-rest-1', type: 'limit', price });
    expect(response.status).toBe(201);
    const id = (response.body.data as OrderBody).id;
    expect((await order(id)).status).toBe('submitted');
    expect(hedging.orders().map((o) => o.comment)).toContain('mt5-rest-1');
    const cancelled = await app.http.delete(`/orders/${id}`).set(...auth);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.data.status).toBe('cancelled');
    expect(hedging.orders()).toEqual([]);
  });

  it('places a bracket as SL and TP on the position, and books the stop-loss close', async () => {
    const now = await bid();
    const response = await trade({
      clientOrderId: 'mt5-bracket-1',
      quantity: '0.02',
      stopLoss: (now - 0.002).toFixed(5),
      takeProfit: (now + 0.002).toFixed(5),
    });
    expect(response.status).toBe(201);
    const opened = hedging.positions().find((p) => p.volume === '0.02');
    expect(opened).toMatchObject({ sl: (now - 0.002).toFixed(5), tp: (now + 0.002).toFixed(5) });
    await hedging.movePrice('EURUSD', (now - 0.003).toFixed(5));
    await eventually(
      () => Promise.resolve(!hedging.positions().some((p) => p.volume === '0.02')),
      'the stop-loss hit',
    );
    expect(hedging.deals().some((deal) => deal.reason === 4 && deal.comment.startsWith('[sl'))).toBe(true);
    // The server's closing order is kept as the entry's stop-loss child, filled.
    const entry = response.body.data as OrderBody;
    await eventually(async () => {
      const listed = (await app.http.get('/orders?account=mt5&limit=100').set(...auth)).body.data.items as {
        parentId: string | null;
        role: string;
        status: string;
      }[];
      return listed.some((o) => o.parentId === entry.id && o.role === 'stop_loss' && o.status === 'filled');
    }, 'the stop-loss child filled');
    await hedging.movePrice('EURUSD', '1.10000');
  });

  it('answers a refusal with 422 and MT5’s retcode, and an unknown symbol with 422', async () => {
    const response = await trade({ clientOrderId: 'mt5-no-money', quantity: '90' });
    expect(response.status).toBe(422);
    expect(response.body.data).toEqual(expect.objectContaining({ broker: 'mt5', brokerCode: '10019' }));
    const unknown = await trade({ clientOrderId: 'mt5-unknown-symbol', symbol: 'NOPE' });
    expect(unknown.status).toBe(422);
    expect(hedging.positions().some((p) => p.volume === '90.00')).toBe(false);
  });

  it('serves MT5 candles, quotes and instruments in UTC', async () => {
    const candles = await app.http
      .get('/market/candles?account=mt5&symbol=EURUSD&timeframe=5m&limit=12')
      .set(...auth);
    expect(candles.status).toBe(200);
    const bars = candles.body.data as { openTime: string }[];
    expect(bars.length).toBeGreaterThan(5);
    const last = bars.at(-1) as { openTime: string };
    expect(Date.now() - Date.parse(last.openTime)).toBeLessThan(10 * 60_000);
    const instruments = await app.http.get('/market/instruments?account=mt5').set(...auth);
    expect(instruments.body.data).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ symbol: 'EURUSD', tickSize: '0.00001', lotSize: '0.01' }),
      ]),
    );
  });

  it('runs an expert on a new chart and stops it; a paper account cannot run one', async () => {
    const run = await app.http
      .post('/mt5/run-ea')
      .set(...auth)
      .send({
        account: 'mt5',
        symbol: 'EURUSD',
        timeframe: '1h',
        expert: 'Examples\\Moving Average',
        inputs: { Lots: 0.1 },
      });
    expect(run.status).toBe(201);
    expect(run.body.data).toMatchObject({
      account: 'mt5',
      expert: 'Examples\\Moving Average',
      timeframe: '1h',
    });
    const stop = await app.http
      .post('/mt5/stop-ea')
      .set(...auth)
      .send({ account: 'mt5', chartId: run.body.data.chartId });
    expect(stop.status).toBe(200);
    const missing = await app.http
      .post('/mt5/run-ea')
      .set(...auth)
      .send({ account: 'mt5', symbol: 'EURUSD', timeframe: '1h', expert: 'Not Installed' });
    expect(missing.status).toBe(422);
    const paper = await app.http
      .post('/mt5/run-ea')
      .set(...auth)
      .send({ account: 'paper', symbol: 'BTCUSDT', timeframe: '1h', expert: 'Examples\\Moving Average' });
    expect(paper.status).toBe(422);
    expect(paper.body.message).toMatch(/only on MT5 accounts/);
  });

  it('refuses a terminal with a wrong token and keeps the right one connected', async () => {
    const intruder = terminalOf('hedging', '6666666');
    await expect(dialIn(intruder, hedgingPort, 'not-the-token-of-this-account')).rejects.toThrow(
      /wrong token/,
    );
    await intruder.stop();
    expect((await accountStatus())?.status).toBe('connected');
  });

  it('refuses orders with 503 while the EA is away, and recovers every deal made meanwhile', async () => {
    const price = ((await bid()) - 0.002).toFixed(5);
    const resting = await trade({ clientOrderId: 'mt5-away-1', type: 'limit', price });
    const id = (resting.body.data as OrderBody).id;
    await hedging.disconnect();
    await eventually(async () => (await accountStatus())?.status === 'down', 'the account to go down');
    expect((await trade({ clientOrderId: 'mt5-while-away' })).status).toBe(503);
    // The server fills the order while the terminal is away: no one tells Edgerunner.
    await hedging.movePrice('EURUSD', (Number(price) - 0.001).toFixed(5));
    await hedging.reconnect();
    await eventually(async () => (await accountStatus())?.status === 'connected', 'the EA back');
    await eventually(async () => (await order(id)).status === 'filled', 'the order filled while away');
    await eventually(
      async () => (await tradesOf('mt5-away-1')).length === 1,
      'its fill in the trade log, once',
    );
    expect(
      hedging.received.filter((r) => r.command === 'order_send' && r.params.comment === 'mt5-while-away'),
    ).toEqual([]);
    await hedging.movePrice('EURUSD', '1.10000');
  });

  it('streams MT5 orders, positions and prices on /ws/broker', async () => {
    await expectVenueOnStream(
      {
        url: app.url,
        apiKey: ADMIN_KEY,
        account: 'mt5',
        symbol: 'EURUSD',
        placeFilledOrder: async () =>
          ((await trade({ clientOrderId: 'mt5-stream-1' })).body.data as OrderBody).id,
        movePrice: () => hedging.movePrice('EURUSD', '1.10500'),
        bidAbove: 1.104,
      },
      (opened) => (client = opened),
    );
  });
});
