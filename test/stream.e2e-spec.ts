import { StreamClient } from './support/stream-client.js';
import { ADMIN_KEY, bearer, paperAccount, startTestApp, type TestApp } from './support/test-app.js';

const SYMBOLS = ['BTCUSDT', 'ETHUSDT', 'AAPL', 'EURUSD'];

describe('the /ws/broker stream', () => {
  let app: TestApp;
  let readKey: string;
  const clients: StreamClient[] = [];
  const connect = async (token: string | undefined = readKey): Promise<StreamClient> => {
    const client = await StreamClient.connect(app.url, token);
    clients.push(client);
    return client;
  };
  const buy = (quantity = '0.01', clientOrderId?: string) =>
    app.http
      .post('/trade')
      .set(...bearer(ADMIN_KEY))
      .send({
        symbol: 'ETHUSDT',
        side: 'buy',
        type: 'market',
        quantity,
        ...(clientOrderId ? { clientOrderId } : {}),
      });

  const heldOverHttp = async (symbol: string): Promise<string | undefined> => {
    const response = await app.http.get('/positions').set(...bearer(readKey));
    return (response.body as { data: { symbol: string; quantity: string }[] }).data.find(
      (position) => position.symbol === symbol,
    )?.quantity;
  };

  beforeAll(async () => {
    app = await startTestApp({
      config: {
        accounts: [paperAccount()],
        throttle: { trade: { limit: 1000, ttlMs: 1000 }, stream: { limit: 15, ttlMs: 60_000 } },
        sync: { pnlIntervalMs: 10 },
      },
    });
    readKey = await app.createKey(['read']);
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
  });
  afterAll(() => app.close());

  it('refuses a connection without a key, or with an unknown one, with a clear connect_error', async () => {
    await expect(StreamClient.connect(app.url, undefined)).rejects.toThrow(/Missing API key/);
    const refusal = StreamClient.connect(app.url, 'er_not_a_key_at_all_000000000');
    await expect(refusal).rejects.toThrow('Unknown or revoked API key');
    await expect(refusal).rejects.toMatchObject({
      data: { status: 'error', data: { code: 'unauthenticated' } },
    });
  });

  it('sends a snapshot of every channel on subscribe, then acknowledges in the envelope', async () => {
    const client = await connect();
    const ack = await client.request('subscribe', { accounts: ['paper'] });
    expect(ack).toEqual({
      status: 'success',
      message: 'Subscribed',
      data: {
        subscriptions: expect.arrayContaining([
          { account: 'paper', channel: 'orders' },
          { account: 'paper', channel: 'positions' },
          { account: 'paper', channel: 'pnl' },
          { account: 'paper', channel: 'account' },
          { account: 'paper', channel: 'prices', symbols: SYMBOLS },
        ]),
      },
    });
    const snapshots = client.events.filter((event) => event.type === 'snapshot');
    expect(snapshots.map((event) => event.channel)).toEqual([
      'orders',
      'positions',
      'pnl',
      'account',
      ...SYMBOLS.map(() => 'prices'),
    ]);
    expect(client.account).toEqual(
      expect.objectContaining({ status: 'connected', summary: expect.objectContaining({ currency: 'USD' }) }),
    );
    expect(client.pnl).toEqual(expect.objectContaining({ equity: '100000', dailyPnl: '0' }));
    for (const event of snapshots) {
      expect(event).toEqual(
        expect.objectContaining({ account: 'paper', epoch: expect.any(String), seq: expect.any(Number) }),
      );
      expect(event.ts).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    }
  });

  it('streams a market order as orders, positions and pnl events with contiguous seq', async () => {
    const client = await connect();
    await client.request('subscribe', { channels: ['orders', 'positions', 'pnl'] });
    const response = await buy('0.02');
    expect(response.status).toBe(201);
    const id = (response.body as { data: { id: string } }).data.id;
    await client.waitFor(() => client.orders.get(id)?.status === 'filled', 5000, 'the order filled');
    await client.waitFor(() =>
      client.fills.some((fill) => fill.clientOrderId === response.body.data.clientOrderId),
    );
    await client.waitFor(
      () => (client.positions ?? []).some((p) => p.symbol === 'ETHUSDT'),
      5000,
      'a position',
    );
    app.paper().setQuote('ETHUSDT', '3600', '3601');
    await client.waitFor(
      () => client.pnl?.positions.some((p) => p.markPrice === '3600.5') ?? false,
      5000,
      'pnl marked',
    );

    const statuses = client
      .deltas('orders')
      .filter((event) => event.data.order?.id === id)
      .map((event) => event.data.order?.status);
    expect(statuses).toEqual(['new', 'submitted', 'filled']);
    expect(client.gaps).toEqual([]);
    const seqs = client.deltas('orders').map((event) => event.seq);
    expect(seqs).toEqual(seqs.map((_, index) => seqs[0]! + index));
    const streamed = client.positions?.find((p) => p.symbol === 'ETHUSDT');
    expect(streamed?.quantity).toBe(await heldOverHttp('ETHUSDT'));
  });

  it('stops sending a channel after unsubscribe', async () => {
    const client = await connect();
    await client.request('subscribe', { channels: ['orders', 'positions'] });
    const ack = await client.request('unsubscribe', { channels: ['orders'] });
    expect(ack.data?.subscriptions).toEqual([{ account: 'paper', channel: 'positions' }]);
    const before = client.deltas('orders').length;
    await buy();
    await client.waitFor(() => client.deltas('positions').length > 0, 5000, 'a positions delta');
    expect(client.deltas('orders').length).toBe(before);
  });

  it('leaves a client that reconnects and resyncs with the view of one that stayed', async () => {
    const stayed = await connect();
    await stayed.request('subscribe', { channels: ['orders', 'positions'] });
    const leaving = await connect();
    await leaving.request('subscribe', { channels: ['orders', 'positions'] });
    await buy('0.01', 'stay-1');
    leaving.close();
    const missed = [await buy('0.03', 'missed-1'), await buy('0.01', 'missed-2')];
    const ids = missed.map((response) => response.body.data.id as string);
    await stayed.waitFor(() => ids.every((id) => stayed.orders.get(id)?.status === 'filled'));
    const held = await heldOverHttp('ETHUSDT');
    await stayed.waitFor(
      () => stayed.positions?.find((p) => p.symbol === 'ETHUSDT')?.quantity === held,
      5000,
      `the stayed client to hold ${held}`,
    );

    const back = await connect();
    await back.request('subscribe', { channels: ['orders', 'positions'] });
    const resync = await back.request('resync');
    expect(resync.status).toBe('success');
    for (const id of ids) expect(back.orders.get(id)).toEqual(stayed.orders.get(id));
    expect(back.positions).toEqual(stayed.positions);
    expect(back.gaps).toEqual([]);
    expect(stayed.gaps).toEqual([]);
  });

  it('cuts the connections of a key as soon as it is revoked', async () => {
    const created = await app.http
      .post('/keys')
      .set(...bearer(ADMIN_KEY))
      .send({ name: 'dashboard', scopes: ['read'] });
    const { id, key } = created.body.data as { id: string; key: string };
    const client = await connect(key);
    const exception = new Promise<unknown>((resolve) => client.socket.once('exception', resolve));
    const disconnected = new Promise<string>((resolve) => client.socket.once('disconnect', resolve));
    expect((await app.http.delete(`/keys/${id}`).set(...bearer(ADMIN_KEY))).status).toBe(200);
    expect(await exception).toEqual(
      expect.objectContaining({ status: 'error', message: 'This API key was revoked' }),
    );
    expect(await disconnected).toBe('io server disconnect');
    await expect(StreamClient.connect(app.url, key)).rejects.toThrow('Unknown or revoked API key');
  });

  it('answers a bad message in the envelope with the status it would have over HTTP', async () => {
    const client = await connect();
    expect(await client.request('subscribe', { channels: ['gossip'] })).toEqual({
      status: 'error',
      message: expect.stringMatching(/channels/),
      data: expect.objectContaining({ statusCode: 400 }),
    });
    expect(await client.request('subscribe', { accounts: ['nope'] })).toEqual({
      status: 'error',
      message: expect.stringMatching(/nope/),
      data: expect.objectContaining({ statusCode: 404 }),
    });
  });

  it('refuses message spam with 429 and keeps the connection', async () => {
    const client = await connect();
    const answers = await Promise.all(Array.from({ length: 20 }, () => client.request('resync')));
    expect(answers.filter((answer) => answer.status === 'success')).toHaveLength(15);
    expect(answers.filter((answer) => answer.data?.statusCode === 429)).toHaveLength(5);
    expect(client.socket.connected).toBe(true);
  });
});
