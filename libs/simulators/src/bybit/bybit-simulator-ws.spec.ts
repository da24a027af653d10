import { createHmac } from 'node:crypto';
import WebSocket from 'ws';
import {
  API_KEY,
  API_SECRET,
  type BybitSpecKit,
  collectUpdates,
  eventually,
  nextEvent,
  startBybitSpecKit,
} from './testing/bybit-spec-kit.js';

type Update = {
  topic: string;
  type?: string;
  data: Record<string, unknown>[] & Record<string, unknown>;
  wsKey: string;
};

/** A bare socket, to see the frames themselves. */
async function rawSocket(
  url: string,
): Promise<{ socket: WebSocket; next: () => Promise<Record<string, unknown>> }> {
  const socket = new WebSocket(url);
  const frames: Record<string, unknown>[] = [];
  const waiting: ((frame: Record<string, unknown>) => void)[] = [];
  socket.on('message', (data: Buffer) => {
    const frame = JSON.parse(data.toString()) as Record<string, unknown>;
    const waiter = waiting.shift();
    if (waiter) waiter(frame);
    else frames.push(frame);
  });
  await new Promise((resolve) => socket.once('open', resolve));
  return {
    socket,
    next: () => {
      const frame = frames.shift();
      return frame ? Promise.resolve(frame) : new Promise((resolve) => waiting.push(resolve));
    },
  };
}

describe('BybitSimulator WebSocket streams, through the real bybit-api client', () => {
  let kit: BybitSpecKit;

  beforeEach(async () => {
    kit = await startBybitSpecKit({ historyMinutes: 30 });
  });

  afterEach(async () => {
    await kit.close();
  });

  it('authenticates the private stream and pushes order, execution, position and wallet as update events', async () => {
    const ws = kit.ws('private');
    const updates: Update[] = [];
    ws.on('update', (event: Update) => updates.push(event));
    const authenticated = nextEvent(ws, 'authenticated');
    const subscribed = nextEvent(ws, 'response', (event) => event.op === 'subscribe');
    void ws.subscribeV5(['order', 'execution', 'position', 'wallet'], 'linear');
    expect(await authenticated).toMatchObject({ success: true, op: 'auth', wsKey: 'v5Private' });
    expect(await subscribed).toMatchObject({ success: true, ret_msg: '' });

    const placed = await kit.rest.submitOrder({
      category: 'linear',
      symbol: 'BTCUSDT',
      side: 'Buy',
      orderType: 'Market',
      qty: '0.01',
      orderLinkId: 'ws-1',
    });
    await eventually(() => updates.some((update) => update.topic === 'wallet'));

    expect(updates.map((update) => update.topic)).toEqual([
      'order',
      'order',
      'execution',
      'position',
      'wallet',
      'position',
    ]);
    const [accepted, filled, execution, position, wallet] = updates;
    expect(accepted?.data[0]).toMatchObject({
      category: 'linear',
      orderId: placed.result.orderId,
      orderLinkId: 'ws-1',
      orderStatus: 'New',
    });
    expect(filled?.data[0]).toMatchObject({
      orderStatus: 'Filled',
      cumExecQty: '0.01',
      avgPrice: '65000.1',
      leavesQty: '0',
    });
    expect(execution?.data[0]).toMatchObject({
      category: 'linear',
      orderId: placed.result.orderId,
      execQty: '0.01',
      execPrice: '65000.1',
      execType: 'Trade',
      isMaker: false,
    });
    expect(typeof execution?.data[0]?.seq).toBe('number');
    expect(position?.data[0]).toMatchObject({
      category: 'linear',
      symbol: 'BTCUSDT',
      side: 'Buy',
      size: '0.01',
      entryPrice: '65000.1',
      positionIdx: 0,
    });
    expect(wallet?.data[0]).toMatchObject({ accountType: 'UNIFIED' });
    expect(typeof (updates[0] as unknown as { creationTime: unknown }).creationTime).toBe('number');
  });

  it('reports a failed auth as an exception and never subscribes', async () => {
    const ws = kit.ws('private', { secret: 'wrong-secret' });
    const exception = nextEvent(ws, 'exception', (event) => event.op === 'auth');
    void ws.subscribeV5(['order'], 'linear');
    expect(await exception).toMatchObject({ success: false, op: 'auth' });
    await kit.rest.submitOrder({
      category: 'linear',
      symbol: 'BTCUSDT',
      side: 'Buy',
      orderType: 'Market',
      qty: '0.01',
    });
    const updates = collectUpdates(ws, 'order');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(updates).toEqual([]);
  });

  it('refuses private subscribes before auth, expired auth, and answers pings in each stream’s own shape', async () => {
    const privateSocket = await rawSocket(kit.simulator.wsUrl('private'));
    privateSocket.socket.send(JSON.stringify({ op: 'subscribe', args: ['order'], req_id: 's1' }));
    expect(await privateSocket.next()).toMatchObject({
      success: false,
      ret_msg: 'Request not authorized',
      op: 'subscribe',
      req_id: 's1',
    });

    const expired = Date.now() - 1;
    const expiredSign = createHmac('sha256', API_SECRET).update(`GET/realtime${expired}`).digest('hex');
    privateSocket.socket.send(JSON.stringify({ op: 'auth', args: [API_KEY, expired, expiredSign] }));
    expect(await privateSocket.next()).toMatchObject({ success: false, op: 'auth' });

    const expires = Date.now() + 5000;
    const sign = createHmac('sha256', API_SECRET).update(`GET/realtime${expires}`).digest('hex');
    privateSocket.socket.send(JSON.stringify({ op: 'auth', args: [API_KEY, expires, sign], req_id: 'a1' }));
    expect(await privateSocket.next()).toEqual({
      success: true,
      ret_msg: '',
      conn_id: expect.stringMatching(/-p$/),
      req_id: 'a1',
      op: 'auth',
    });

    // docs: the all-in-one topic and its categorised form cannot share one request.
    privateSocket.socket.send(
      JSON.stringify({ op: 'subscribe', args: ['order', 'order.linear'], req_id: 's2' }),
    );
    expect(await privateSocket.next()).toMatchObject({ success: false, op: 'subscribe', req_id: 's2' });
    privateSocket.socket.send(
      JSON.stringify({ op: 'subscribe', args: ['order.linear', 'wallet'], req_id: 's3' }),
    );
    expect(await privateSocket.next()).toMatchObject({ success: true, op: 'subscribe', req_id: 's3' });

    privateSocket.socket.send(JSON.stringify({ op: 'ping' }));
    expect(await privateSocket.next()).toEqual({
      req_id: '',
      op: 'pong',
      args: [expect.stringMatching(/^\d{13}$/)],
      conn_id: expect.any(String),
    });

    const linear = await rawSocket(kit.simulator.wsUrl('linear'));
    linear.socket.send(JSON.stringify({ op: 'ping', req_id: 'p1' }));
    expect(await linear.next()).toEqual({
      success: true,
      ret_msg: 'pong',
      conn_id: expect.any(String),
      req_id: 'p1',
      op: 'ping',
    });
    linear.socket.send(JSON.stringify({ op: 'subscribe', args: ['orderbook.1.BTCUSDT'] }));
    expect(await linear.next()).toMatchObject({
      success: false,
      ret_msg: 'error:handler not found,topic:orderbook.1.BTCUSDT',
    });
    privateSocket.socket.terminate();
    linear.socket.terminate();
  });

  it('keeps the connection through bybit-api’s heartbeat: every ping gets its pong in time', async () => {
    const ws = kit.ws('linear', { pingInterval: 50, pongTimeout: 500 });
    let reconnects = 0;
    ws.on('reconnect', () => (reconnects += 1));
    void ws.subscribeV5(['tickers.BTCUSDT'], 'linear');
    await nextEvent(ws, 'update');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(reconnects).toBe(0);
  });

  it('pushes a linear ticker snapshot, then deltas of only the changed fields', async () => {
    const ws = kit.ws('linear');
    const updates = collectUpdates(ws, 'tickers.BTCUSDT') as unknown as Update[];
    void ws.subscribeV5(['tickers.BTCUSDT'], 'linear');
    await eventually(() => updates.length === 1);
    expect(updates[0]).toMatchObject({
      type: 'snapshot',
      data: {
        symbol: 'BTCUSDT',
        lastPrice: '65000',
        bid1Price: '65000',
        ask1Price: '65000.1',
        fundingRate: '0.0001',
      },
    });

    await kit.simulator.setPrice('linear', 'BTCUSDT', '65100');
    await eventually(() => updates.length === 2);
    const delta = updates[1];
    // One price sets the last price exactly, the book one tick around it.
    expect(delta).toMatchObject({
      type: 'delta',
      data: {
        symbol: 'BTCUSDT',
        lastPrice: '65100',
        tickDirection: 'PlusTick',
        bid1Price: '65099.9',
        ask1Price: '65100',
      },
    });
    expect(delta?.data).not.toHaveProperty('fundingRate');
    expect(typeof (delta as unknown as { cs: unknown }).cs).toBe('number');
  });

  it('pushes spot tickers as snapshots only, and kline bars with their confirm flag', async () => {
    const spot = kit.ws('spot');
    const tickers = collectUpdates(spot, 'tickers.ETHUSDT') as unknown as Update[];
    void spot.subscribeV5(['tickers.ETHUSDT'], 'spot');
    const linear = kit.ws('linear');
    const klines = collectUpdates(linear, 'kline.1.ETHUSDT') as unknown as Update[];
    void linear.subscribeV5(['kline.1.ETHUSDT'], 'linear');
    await eventually(() => tickers.length === 1 && klines.length === 1);
    await kit.simulator.setPrice('spot', 'ETHUSDT', '3210');
    await kit.simulator.setPrice('linear', 'ETHUSDT', '3220');
    await eventually(() => tickers.length === 2 && klines.length === 2);
    expect(
      tickers.map((update) => [update.type, (update.data as Record<string, unknown>).lastPrice]),
    ).toEqual([
      ['snapshot', '3200'],
      ['snapshot', '3210'],
    ]);
    expect(tickers[1]?.data).not.toHaveProperty('bid1Price');
    const bar = klines[1]?.data[0];
    expect(bar).toMatchObject({ interval: '1', close: '3220', confirm: false });
    expect(typeof bar?.start).toBe('number');
    expect((bar?.end as number) - (bar?.start as number)).toBe(59_999);
  });

  it('settles bybit-api’s subscription promises by req_id: resolved when accepted, rejected when refused', async () => {
    const ws = kit.ws('linear', { promiseSubscribeRequests: true });
    const [accepted] = ws.subscribeV5(['tickers.BTCUSDT'], 'linear');
    await expect(accepted).resolves.toBeDefined();
    const [refused] = ws.subscribeV5(['tickers.NOPEUSDT'], 'linear');
    await expect(refused).rejects.toBeDefined();
  });

  it('moves the feed on its own timer when tickIntervalMs is set', async () => {
    const timed = await startBybitSpecKit({ historyMinutes: 5, tickIntervalMs: 20 });
    try {
      const ws = timed.ws('linear');
      const updates = collectUpdates(ws, 'tickers.ETHUSDT');
      void ws.subscribeV5(['tickers.ETHUSDT'], 'linear');
      await eventually(() => updates.length >= 3);
      expect(updates.slice(1).every((update) => update.type === 'delta')).toBe(true);
    } finally {
      await timed.close();
    }
  });

  it('reconnects, re-authenticates and resubscribes after the drop hook, then pushes again', async () => {
    const ws = kit.ws('private');
    const orders = collectUpdates(ws, 'order');
    const subscribed = nextEvent(ws, 'response', (event) => event.op === 'subscribe');
    void ws.subscribeV5(['order'], 'linear');
    await subscribed;

    const reconnected = nextEvent(ws, 'reconnected');
    const resubscribed = nextEvent(ws, 'response', (event) => event.op === 'subscribe', 5000);
    expect(kit.simulator.dropConnections({ refuseReconnectsForMs: 300 })).toBe(1);
    const droppedAt = Date.now();
    await reconnected;
    expect(Date.now() - droppedAt).toBeGreaterThanOrEqual(250);
    await resubscribed;

    await kit.rest.submitOrder({
      category: 'linear',
      symbol: 'BTCUSDT',
      side: 'Buy',
      orderType: 'Limit',
      qty: '0.01',
      price: '60000',
      orderLinkId: 'after-drop',
    });
    await eventually(() => orders.length > 0);
    expect((orders[0] as unknown as Update).data[0]).toMatchObject({
      orderLinkId: 'after-drop',
      orderStatus: 'New',
    });
  });
});
