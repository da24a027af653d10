import { createServer, connect, type Server, type Socket } from 'node:net';
import { BrokerConnectionError, BrokerTimeoutError } from '../../errors/index.js';
import { FakeTerminal, HELLO } from '../testing/fake-terminal.js';
import { BridgeSession, type BridgeSessionOptions } from './bridge-session.js';

describe('BridgeSession over a real socket', () => {
  let server: Server;
  let sessions: Promise<BridgeSession>;
  const events: string[] = [];
  const closes: string[] = [];
  let options: Partial<BridgeSessionOptions>;

  async function dialIn(): Promise<{ terminal: FakeTerminal; session: BridgeSession }> {
    sessions = new Promise((resolve) =>
      server.once('connection', (socket: Socket) =>
        resolve(
          new BridgeSession(socket, {
            admit: (hello) => (hello.token === 'right' ? undefined : 'wrong token'),
            onReady: () => events.push('ready'),
            onEvent: (event) => events.push(`${event.event}:${String(event.data.symbol)}`),
            onClose: (reason) => closes.push(reason),
            requestTimeoutMs: 500,
            ...options,
          }),
        ),
      ),
    );
    const { port } = server.address() as { port: number };
    const terminal = new FakeTerminal(connect(port, '127.0.0.1'));
    return { terminal, session: await sessions };
  }

  beforeEach(async () => {
    events.length = 0;
    closes.length = 0;
    options = {};
    server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('welcomes a right token, then matches responses to requests by id whatever their order', async () => {
    const { terminal, session } = await dialIn();
    terminal.send(HELLO);
    expect(await terminal.next('welcome')).toEqual({ type: 'welcome', protocol: 1, server: 'edgerunner' });
    expect(session.ready).toBe(true);
    const account = session.request('account_info');
    const tick = session.request('symbol_info_tick', { symbol: 'EURUSD' });
    const first = (await terminal.next('request')) as { id: string; command: string };
    const second = (await terminal.next('request')) as { id: string; command: string; params: unknown };
    expect([first.command, second.command]).toEqual(['account_info', 'symbol_info_tick']);
    expect(second.params).toEqual({ symbol: 'EURUSD' });
    terminal.send({ type: 'response', id: second.id, ok: true, result: { bid: '1.1' } });
    terminal.send({
      type: 'response',
      id: first.id,
      ok: false,
      error: { code: 4752, message: 'Trading disabled' },
    });
    await expect(tick).resolves.toEqual({ bid: '1.1' });
    await expect(account).rejects.toMatchObject({ code: 'connection', brokerCode: '4752' });
    terminal.send({ type: 'event', event: 'tick', data: { symbol: 'EURUSD' } });
    terminal.send({ type: 'ping', at: 42 });
    expect(await terminal.next('pong')).toEqual({ type: 'pong', at: 42 });
    expect(events).toEqual(['ready', 'tick:EURUSD']);
    session.close('test over');
    await terminal.closed;
    expect(closes).toEqual(['test over']);
  });

  it('refuses a wrong token with a reason the terminal can read, and closes', async () => {
    const { terminal, session } = await dialIn();
    terminal.send({ ...HELLO, token: 'wrong' });
    expect(await terminal.next('refused')).toEqual({ type: 'refused', reason: 'wrong token' });
    await terminal.closed;
    expect(session.ready).toBe(false);
    expect(closes).toEqual(['refused: wrong token']);
    await expect(session.request('account_info')).rejects.toBeInstanceOf(BrokerConnectionError);
  });

  it('refuses another protocol version', async () => {
    const { terminal } = await dialIn();
    terminal.send({ ...HELLO, protocol: 2 });
    expect(await terminal.next('refused')).toMatchObject({ reason: expect.stringMatching(/protocol 2/) });
    await terminal.closed;
  });

  it('drops a peer that speaks before hello or sends garbage, failing what was in flight', async () => {
    const before = await dialIn();
    before.terminal.send({ type: 'event', event: 'tick', data: {} });
    await before.terminal.closed;
    expect(closes[0]).toMatch(/Expected hello/);

    const { terminal, session } = await dialIn();
    terminal.send(HELLO);
    await terminal.next('welcome');
    const inFlight = session.request('positions_get');
    await terminal.next('request');
    terminal.send('{not json\n');
    await expect(inFlight).rejects.toThrow(/went away during positions_get: protocol error/);
    await terminal.closed;
  });

  it('times a request out, and drops a terminal silent for three heartbeats', async () => {
    options = { requestTimeoutMs: 50, heartbeatIntervalMs: 40 };
    const { terminal, session } = await dialIn();
    terminal.send(HELLO);
    await terminal.next('welcome');
    await expect(session.request('account_info')).rejects.toBeInstanceOf(BrokerTimeoutError);
    expect((await terminal.next('ping')).type).toBe('ping');
    await terminal.closed;
    expect(closes).toEqual(['no message for 3 heartbeats']);
  });
});
