import type { Subscription } from 'rxjs';
import { mt5AdapterRig, type Mt5AdapterRig } from '#simulators/mt5/testing/mt5-adapter-rig.js';
import type { BrokerEvent, Fill, OrderRequest } from '../domain/index.js';
import {
  BrokerConnectionError,
  InsufficientFundsError,
  InvalidOrderError,
  OrderRejectedError,
} from '../errors/index.js';

const market = (overrides: Partial<OrderRequest> = {}): OrderRequest => ({
  clientOrderId: `m-${Math.random().toString(36).slice(2, 10)}`,
  symbol: 'EURUSD',
  side: 'buy',
  type: 'market',
  quantity: '0.1',
  timeInForce: 'gtc',
  ...overrides,
});

describe('Mt5Adapter on the terminal simulator', () => {
  let rig: Mt5AdapterRig;
  let events: BrokerEvent[];
  let subscription: Subscription;

  /** Waits (up to 5 s) for what the adapter tells asynchronously, re-reading the terminal's events. */
  async function until(check: () => boolean, what: string): Promise<void> {
    for (let attempt = 0; attempt < 250; attempt += 1) {
      if (check()) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`timed out waiting for ${what}`);
  }
  const fills = (): Fill[] => events.flatMap((e) => (e.type === 'fill' ? [e.fill] : []));
  async function open(marginMode: 'hedging' | 'netting' = 'hedging'): Promise<void> {
    rig = mt5AdapterRig({}, { marginMode });
    events = [];
    subscription = rig.adapter.events.subscribe((event) => events.push(event));
    void rig.dialIn().catch(() => undefined);
    await rig.adapter.connect();
  }
  afterEach(async () => {
    subscription.unsubscribe();
    await rig.close();
  });

  it('refuses a terminal with the wrong token: the account stays down and the log never shows a token', async () => {
    rig = mt5AdapterRig({ connectTimeoutMs: 300 });
    events = [];
    subscription = rig.adapter.events.subscribe((event) => events.push(event));
    const connecting = rig.adapter.connect();
    await expect(rig.dialIn('not-the-account-token-000')).rejects.toThrow(/wrong token/);
    await expect(connecting).rejects.toBeInstanceOf(BrokerConnectionError);
    expect(rig.adapter.status).toBe('down');
    expect(rig.logs.some((line) => line.includes('refused: wrong token'))).toBe(true);
    expect(rig.logs.join('\n')).not.toMatch(/not-the-account-token|rig-bridge-token/);
  });

  it('shows the account down while the EA is away, refuses orders, and recovers every deal made meanwhile', async () => {
    await open();
    const price = (await rig.adapter.getTicker('EURUSD')).ask;
    const limit = await rig.adapter.placeOrder({
      ...market({ clientOrderId: 'away-limit' }),
      type: 'limit',
      price: (Number(price) - 0.002).toFixed(5),
    });
    await rig.terminal.disconnect();
    await until(() => rig.adapter.status === 'down', 'the account down');
    expect(events).toContainEqual(expect.objectContaining({ type: 'connection', status: 'down' }));
    await expect(rig.adapter.placeOrder(market())).rejects.toBeInstanceOf(BrokerConnectionError);

    // The server fills the resting order while the terminal is away; nothing can tell the adapter.
    await rig.terminal.movePrice('EURUSD', (Number(price) - 0.004).toFixed(5));
    expect(rig.terminal.deals().some((deal) => deal.order === limit.brokerOrderId)).toBe(true);
    expect(fills()).toEqual([]);

    await rig.terminal.reconnect();
    await until(
      () => rig.logs.some((line) => line.includes('1 deal(s) made while it was away recovered')),
      'the catch-up after the reconnect',
    );
    expect(rig.adapter.status).toBe('connected');
    expect(fills()).toEqual([
      expect.objectContaining({
        brokerOrderId: limit.brokerOrderId,
        clientOrderId: 'away-limit',
        side: 'buy',
      }),
    ]);
    expect(events).toContainEqual(
      expect.objectContaining({
        type: 'order',
        order: expect.objectContaining({ brokerOrderId: limit.brokerOrderId, status: 'filled' }),
      }),
    );
  });

  it('nets a hedging account: an opposite market order closes part of the oldest ticket', async () => {
    await open('hedging');
    await rig.adapter.placeOrder(market({ quantity: '0.3' }));
    await rig.adapter.placeOrder(market({ side: 'sell', quantity: '0.1' }));
    expect(rig.terminal.positions().map((p) => p.volume)).toEqual(['0.20']);
    const [position] = await rig.adapter.getPositions();
    expect(position).toMatchObject({ symbol: 'EURUSD', side: 'long', quantity: '0.2' });
  });

  it('keeps one position per symbol on a netting account, reversing through zero', async () => {
    await open('netting');
    await rig.adapter.placeOrder(market({ quantity: '0.1' }));
    await rig.adapter.placeOrder(market({ side: 'sell', quantity: '0.3' }));
    expect(rig.terminal.positions()).toHaveLength(1);
    expect(await rig.adapter.getPositions()).toEqual([
      expect.objectContaining({ symbol: 'EURUSD', side: 'short', quantity: '-0.2' }),
    ]);
  });

  it('places a bracket as SL and TP on the position, and reports the stop-loss close as a fill', async () => {
    await open();
    const { bid } = await rig.adapter.getTicker('EURUSD');
    await rig.adapter.placeOrder(
      market({ stopLoss: (Number(bid) - 0.002).toFixed(5), takeProfit: (Number(bid) + 0.002).toFixed(5) }),
    );
    expect(rig.terminal.positions()[0]).toMatchObject({
      sl: (Number(bid) - 0.002).toFixed(5),
      tp: (Number(bid) + 0.002).toFixed(5),
    });
    await rig.terminal.movePrice('EURUSD', (Number(bid) - 0.003).toFixed(5));
    expect(rig.terminal.positions()).toEqual([]);
    const stopLossTold = (): boolean =>
      events.some((e) => e.type === 'order' && e.order.role === 'stop_loss' && e.order.status === 'filled');
    await until(() => fills().length === 2 && stopLossTold(), 'the stop-loss fill and order');
    const [entryFill, closeFill] = fills();
    expect([entryFill?.side, closeFill?.side]).toEqual(['buy', 'sell']);
    // The server's closing order is the entry's stop-loss child; its fill belongs to it.
    expect(events).toContainEqual(
      expect.objectContaining({
        type: 'order',
        order: expect.objectContaining({
          brokerOrderId: closeFill?.brokerOrderId,
          role: 'stop_loss',
          parentOrderId: entryFill?.brokerOrderId,
          status: 'filled',
        }),
      }),
    );
    expect(await rig.adapter.getPositions()).toEqual([]);
  });

  it("streams the ticks of Market Watch's symbols when the account names none", async () => {
    await open();
    const ticked = (): string[] =>
      [...new Set(events.flatMap((e) => (e.type === 'tick' ? [e.ticker.symbol] : [])))].sort();
    // The subscription goes out once the hello is in; prices move a step at a time until ticks arrive.
    for (let step = 0; step < 100 && ticked().length < 4; step += 1) {
      await rig.terminal.advance();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(ticked()).toEqual(['EURUSD', 'GBPUSD', 'USDJPY', 'XAUUSD']);
  });

  it("turns MT5's refusals into the project's errors with the retcode", async () => {
    await open();
    rig.terminal.requoteNext();
    await expect(
      rig.adapter.placeOrder(market({ symbol: 'XAUUSD', quantity: '0.01' })),
    ).rejects.toMatchObject({
      constructor: OrderRejectedError,
      brokerCode: '10004',
    });
    await expect(rig.adapter.placeOrder(market({ quantity: '0.015' }))).rejects.toMatchObject({
      constructor: InvalidOrderError,
      brokerCode: '10014',
    });
    await expect(rig.adapter.placeOrder(market({ quantity: '90' }))).rejects.toMatchObject({
      constructor: InsufficientFundsError,
      brokerCode: '10019',
    });
    rig.terminal.setMarketOpen('EURUSD', false);
    await expect(rig.adapter.placeOrder(market())).rejects.toMatchObject({ brokerCode: '10018' });
  });

  it('runs an installed expert on a new chart, stops it, and rejects one the terminal lacks', async () => {
    await open();
    const running = await rig.adapter.runEa({
      symbol: 'EURUSD',
      timeframe: '1h',
      expert: 'Examples\\Moving Average',
    });
    expect(running).toMatchObject({ expert: 'Examples\\Moving Average', symbol: 'EURUSD', timeframe: '1h' });
    expect(running.chartId).toMatch(/^\d+$/);
    await rig.adapter.stopEa(running.chartId);
    await expect(
      rig.adapter.runEa({ symbol: 'EURUSD', timeframe: '1h', expert: 'Not Installed' }),
    ).rejects.toBeInstanceOf(OrderRejectedError);
  });
});
