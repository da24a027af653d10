import type { BrokerEvent } from '../domain/index.js';
import { BrokerAuthenticationError, BrokerRateLimitError } from '../errors/index.js';
import { startBybitAdapterKit, type BybitAdapterKit } from '#simulators/bybit/testing/bybit-adapter-kit.js';

const market = (clientOrderId: string, quantity = '0.002') =>
  ({ clientOrderId, symbol: 'BTCUSDT', side: 'buy', type: 'market', quantity, timeInForce: 'gtc' }) as const;

describe('BybitAdapter against the Bybit V5 simulator', () => {
  let kit: BybitAdapterKit;
  let events: BrokerEvent[];

  beforeEach(async () => {
    kit = await startBybitAdapterKit({}, { historyMinutes: 2500 });
    events = [];
    kit.adapter.events.subscribe((event) => events.push(event));
  });
  afterEach(() => kit.close());

  const waitFor = async (predicate: () => boolean, what: string): Promise<void> => {
    for (let attempt = 0; attempt < 200 && !predicate(); attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    if (!predicate()) throw new Error(`timed out waiting for ${what}`);
  };

  it('refuses to connect with a wrong secret, as Bybit does (10004), and stays down', async () => {
    const wrong = kit.adapterWith({ apiSecret: 'not-the-secret' });
    const failure = await wrong.connect().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(BrokerAuthenticationError);
    expect(failure).toMatchObject({ brokerCode: '10004', broker: 'bybit' });
    expect((failure as Error).message).toMatch(/signature/);
    expect(wrong.status).toBe('down');
  });

  it('refuses an unknown key (10003) naming the likely cause', async () => {
    const failure = await kit
      .adapterWith({ apiKey: 'nobody' })
      .connect()
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ brokerCode: '10003' });
    expect((failure as Error).message).toMatch(/mainnet, testnet, demo/);
  });

  it('answers a repeated clientOrderId with the first order instead of placing a second', async () => {
    await kit.adapter.connect();
    const first = await kit.adapter.placeOrder(market('same-id'));
    const again = await kit.adapter.placeOrder(market('same-id'));
    expect(again.brokerOrderId).toBe(first.brokerOrderId);
    expect(kit.simulator.orders().filter((order) => order.orderLinkId === 'same-id')).toHaveLength(1);
  });

  it('retries a read Bybit refused for its rate limit, and reports a refused order without resending it', async () => {
    await kit.adapter.connect();
    kit.simulator.failNext('/v5/order/realtime', { retCode: 10006, retMsg: 'Too many visits!' }, 2);
    await expect(kit.adapter.getOpenOrders()).resolves.toEqual([]);

    kit.simulator.failNext('/v5/order/create', { retCode: 10006, retMsg: 'Too many visits!' });
    const refused = await kit.adapter.placeOrder(market('limited')).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(BrokerRateLimitError);
    expect((refused as BrokerRateLimitError).retryable).toBe(true);
    expect((refused as BrokerRateLimitError).retryAfterMs).toEqual(expect.any(Number));
    expect(kit.simulator.orders().filter((order) => order.orderLinkId === 'limited')).toHaveLength(0);
    // Retried by the caller with the same id, it is placed once.
    await kit.adapter.placeOrder(market('limited'));
    expect(kit.simulator.orders().filter((order) => order.orderLinkId === 'limited')).toHaveLength(1);
  });

  it('resyncs its clock when Bybit refuses a request time (10002) and goes on', async () => {
    await kit.adapter.connect();
    kit.simulator.setClockOffset(60_000);
    const summary = await kit.adapter.getAccountSummary();
    expect(summary.currency).toBe('USD');
    const ack = await kit.adapter.placeOrder(market('after-skew'));
    expect(ack.status).toBe('submitted');
  });

  it('attaches take-profit and stop-loss to the entry', async () => {
    await kit.adapter.connect();
    await kit.adapter.placeOrder({ ...market('bracket'), takeProfit: '70000', stopLoss: '60000' });
    const [order] = kit.simulator.orders().filter((each) => each.orderLinkId === 'bracket');
    expect(order).toEqual(expect.objectContaining({ takeProfit: '70000', stopLoss: '60000' }));
  });

  it('fires a stop order when the price crosses its trigger', async () => {
    await kit.adapter.connect();
    const ack = await kit.adapter.placeOrder({
      clientOrderId: 'stop-1',
      symbol: 'BTCUSDT',
      side: 'buy',
      type: 'stop',
      quantity: '0.002',
      stopPrice: '67000',
      timeInForce: 'gtc',
    });
    expect((await kit.adapter.getOrder(ack.brokerOrderId)).type).toBe('stop');
    await kit.simulator.setPrice('linear', 'BTCUSDT', '67500');
    await waitFor(
      () =>
        events.some(
          (e) =>
            e.type === 'order' && e.order.brokerOrderId === ack.brokerOrderId && e.order.status === 'filled',
        ),
      'the stop to fill',
    );
  });

  it('says it is reconnecting when the stream drops, connected once it is back, and loses no fill', async () => {
    await kit.adapter.connect();
    const since = new Date(Date.now() - 1000);
    kit.simulator.dropConnections({ refuseReconnectsForMs: 300 });
    await waitFor(() => kit.adapter.status === 'reconnecting', 'reconnecting');
    // Placed while the stream is down: its pushes are lost, the REST record is not.
    const ack = await kit.adapter.placeOrder(market('during-drop'));
    await waitFor(() => kit.adapter.status === 'connected', 'connected again');
    const statuses = events
      .filter((e) => e.type === 'connection')
      .map((e) => (e.type === 'connection' ? e.status : ''));
    expect(statuses.slice(-2)).toEqual(['reconnecting', 'connected']);
    const fills = await kit.adapter.getFills(since);
    expect(fills.map((fill) => fill.brokerOrderId)).toContain(ack.brokerOrderId);
  });

  it('trades spot: a market buy counted in the base coin, the coin held shown as a long position', async () => {
    const spot = kit.adapterWith({ category: 'spot', wsPublicUrl: kit.simulator.wsUrl('spot') });
    await spot.connect();
    expect(spot.capabilities.shortSelling).toBe(false);
    const instrument = await spot.getInstrument('BTCUSDT');
    expect(instrument.lotSize).toBe('0.000001');
    await spot.placeOrder({ ...market('spot-buy', '0.01') });
    await waitFor(
      () =>
        kit.simulator
          .orders(undefined, 'spot')
          .some((o) => o.orderLinkId === 'spot-buy' && o.orderStatus === 'Filled'),
      'the spot fill',
    );
    const positions = await spot.getPositions();
    expect(positions).toEqual([
      expect.objectContaining({ symbol: 'BTCUSDT', side: 'long', quantity: '0.01' }),
    ]);
    await expect(
      spot.placeOrder({ ...market('spot-short'), side: 'sell', quantity: '1' }),
    ).rejects.toMatchObject({
      code: 'insufficient_funds',
    });
  });

  it('pages candles over more than one Bybit page, oldest first, without duplicates', async () => {
    await kit.adapter.connect();
    const to = new Date();
    const from = new Date(to.getTime() - 2000 * 60_000);
    const candles = await kit.adapter.getCandles('BTCUSDT', '1m', from, to);
    expect(candles.length).toBeGreaterThan(1500);
    const times = candles.map((candle) => Date.parse(candle.openTime));
    expect(new Set(times).size).toBe(times.length);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(times[0]).toBeGreaterThanOrEqual(from.getTime());
  });
});
