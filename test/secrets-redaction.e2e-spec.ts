import { createHmac } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { BybitSimulator, defaultMt5Symbols, Mt5TerminalSimulator, openAllWeek } from '#simulators';
import { bybitAccount, SIM_KEY, SIM_SECRET } from './support/bybit-account.js';
import { LogCapture } from './support/log-capture.js';
import { dialIn, mt5Account, MT5_TEST_TOKEN } from './support/mt5-account.js';
import { freePort } from './support/server-process.js';
import { ADMIN_KEY, bearer, paperAccount, startTestApp, type TestApp } from './support/test-app.js';

const WRONG_SECRET = 'not-the-secret';

/** A distinct fake credential per place it is sent, so a leak says where it came from. */
const secret = (where: string): string =>
  `er_leak-${where}-${createHmac('sha256', where).digest('hex').slice(0, 24)}`;

/** No credential in a response body or a log line: the query string, the stream handshake, Bybit's errors. */
describe('secrets stay out of responses and logs', () => {
  const logs = new LogCapture();
  let simulator: BybitSimulator;
  let terminal: Mt5TerminalSimulator;
  let mt5Port: number;
  let app: TestApp;
  const sockets: Socket[] = [];
  const requestLines = () =>
    logs.entries().filter((entry): entry is { req: { url: string } } & Record<string, unknown> => {
      const req = entry.req as { url?: unknown } | undefined;
      return typeof req?.url === 'string';
    });

  beforeAll(async () => {
    simulator = new BybitSimulator({ tickIntervalMs: 0 });
    await simulator.start();
    terminal = new Mt5TerminalSimulator({ tickIntervalMs: 0, symbols: openAllWeek(defaultMt5Symbols()) });
    mt5Port = await freePort();
    const dialled = dialIn(terminal, mt5Port);
    app = await startTestApp({
      logs,
      // The most verbose level an operator would run with: nothing below it may hold a secret either.
      env: { LOG_LEVEL: 'trace' },
      config: {
        accounts: [
          paperAccount(),
          bybitAccount(simulator),
          bybitAccount(simulator, 'bybit-wrong', { apiSecret: WRONG_SECRET }),
          mt5Account(mt5Port),
        ],
      },
    });
    await dialled;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await app.close();
    await simulator.stop();
    await terminal.stop();
  });

  it('logs an MT5 terminal refused for a wrong token, with neither token, after trading with the right one', async () => {
    const placed = await app.http
      .post('/trade')
      .set(...bearer(ADMIN_KEY))
      .send({ account: 'mt5', symbol: 'EURUSD', side: 'buy', type: 'market', quantity: '0.01' });
    expect(placed.status).toBe(201);
    const wrong = secret('mt5-bridge-token');
    const intruder = new Mt5TerminalSimulator({ tickIntervalMs: 0, login: '6666666' });
    await expect(dialIn(intruder, mt5Port, wrong)).rejects.toThrow(/wrong token/);
    await intruder.stop();
    const text = logs.text();
    expect(text).toMatch(/MT5 terminal 6666666@.* refused: wrong token/);
    for (const token of [wrong, MT5_TEST_TOKEN]) expect(text).not.toContain(token);
    const accounts = await app.http.get('/accounts').set(...bearer(ADMIN_KEY));
    for (const token of [wrong, MT5_TEST_TOKEN]) expect(accounts.text).not.toContain(token);
  });

  it('shows the credentials of accounts added over the API nowhere, masked in responses, absent from logs', async () => {
    const sent = {
      bybitSecret: secret('api-bybit-secret'),
      rotatedSecret: secret('api-bybit-rotated'),
      refusedSecret: secret('api-refused-secret'),
    };
    const admin = bearer(ADMIN_KEY);
    const added = await app.http
      .post('/accounts')
      .set(...admin)
      .send(bybitAccount(simulator, 'api-bybit', { apiSecret: sent.bybitSecret }));
    expect(added.status).toBe(201);
    // Bybit refuses the signature (10004) and echoes what it verified: the account is down, saying so.
    expect(added.body.data.downReason).toContain('10004');
    expect(added.body.data.options.apiSecret).toBe(`****${sent.bybitSecret.slice(-4)}`);
    const patched = await app.http
      .patch('/accounts/api-bybit')
      .set(...admin)
      .send({ bybit: { apiSecret: sent.rotatedSecret } });
    expect(patched.status).toBe(200);
    const refused = await app.http
      .post('/accounts')
      .set(...admin)
      .send({ name: 'api-bad', broker: 'bybit', bybit: { apiSecret: sent.refusedSecret, recvWindowMs: 1 } });
    expect(refused.status).toBe(400);
    const listed = await app.http.get('/accounts').set(...admin);
    for (const response of [added, patched, refused, listed])
      for (const value of [...Object.values(sent), SIM_KEY]) expect(response.text).not.toContain(value);
    const text = logs.text();
    for (const value of [...Object.values(sent), SIM_KEY]) expect(text).not.toContain(value);
    expect(logs.messages()).toContain('Account "api-bybit" (bybit) added over the API');
  });

  it('logs a key sent as ?token=, ?api_key=, ?access_token=, ?apikey= or ?key= as [redacted]', async () => {
    const sent = {
      token: secret('token'),
      api_key: secret('api_key'),
      access_token: secret('access_token'),
      apikey: secret('apikey'),
      key: secret('key'),
    };
    await app.http.get(`/positions?token=${sent.token}`).expect(401);
    await app.http
      .get(`/accounts?api_key=${sent.api_key}`)
      .set(...bearer(ADMIN_KEY))
      .expect(200);
    await app.http
      .get(`/no-such-route?access_token=${sent.access_token}`)
      .set(...bearer(ADMIN_KEY))
      .expect(404);
    await app.http
      .post(`/trade?apikey=${sent.apikey}`)
      .set(...bearer(ADMIN_KEY))
      .send({})
      .expect(400);
    // Refused as an unknown parameter, and logged like any other request.
    await app.http
      .get(`/market/ticker?symbol=BTCUSDT&key=${sent.key}`)
      .set(...bearer(ADMIN_KEY))
      .expect(400);

    const urls = requestLines().map((entry) => entry.req.url);
    expect(urls).toEqual(
      expect.arrayContaining([
        '/positions?token=[redacted]',
        '/accounts?api_key=[redacted]',
        '/no-such-route?access_token=[redacted]',
        '/trade?apikey=[redacted]',
        '/market/ticker?symbol=BTCUSDT&key=[redacted]',
      ]),
    );
    const text = logs.text();
    for (const value of Object.values(sent)) expect(text).not.toContain(value);
    expect(text).not.toContain(ADMIN_KEY);
  });

  it('logs no key of a /ws/broker handshake, accepted or refused, in auth or in the query', async () => {
    const inQuery = secret('socket-query');
    const refused = secret('socket-refused');
    const connect = (options: Parameters<typeof io>[1]): Promise<Error | undefined> =>
      new Promise((resolve) => {
        const socket = io(`${app.url}/ws/broker`, { reconnection: false, ...options });
        sockets.push(socket);
        socket.once('connect', () => resolve(undefined));
        socket.once('connect_error', (error) => resolve(error));
      });

    // Polling first: the handshake travels as HTTP requests whose url holds the query.
    const accepted = await connect({
      auth: { token: ADMIN_KEY },
      query: { token: inQuery },
      transports: ['polling', 'websocket'],
    });
    expect(accepted).toBeUndefined();
    const refusal = await connect({ auth: { token: refused }, transports: ['polling'] });
    expect(refusal?.message).toBe('Unknown or revoked API key');

    const text = logs.text();
    for (const value of [inQuery, refused, ADMIN_KEY]) expect(text).not.toContain(value);
  });

  it('answers a wrong Bybit secret (10004) with a 502 and logs it, neither holding the API key', async () => {
    // Bybit echoes what it verified, API key included: the simulator does as Bybit does.
    const timestamp = String(Date.now());
    const answer = (await (
      await fetch(`${simulator.url}/v5/account/wallet-balance?accountType=UNIFIED`, {
        headers: {
          'X-BAPI-API-KEY': SIM_KEY,
          'X-BAPI-TIMESTAMP': timestamp,
          'X-BAPI-RECV-WINDOW': '5000',
          'X-BAPI-SIGN': createHmac('sha256', WRONG_SECRET).update(timestamp).digest('hex'),
        },
      })
    ).json()) as { retCode: number; retMsg: string };
    expect(answer.retCode).toBe(10004);
    expect(answer.retMsg).toContain(`origin_string[${timestamp}${SIM_KEY}5000`);

    const response = await app.http
      .post('/broker/connect')
      .set(...bearer(ADMIN_KEY))
      .send({ account: 'bybit-wrong' });
    expect(response.status).toBe(502);
    expect(response.body.data).toEqual(
      expect.objectContaining({
        broker: 'bybit',
        brokerCode: '10004',
        brokerMessage: 'error sign! origin_string[redacted]',
      }),
    );
    for (const credential of [SIM_KEY, SIM_SECRET, WRONG_SECRET])
      expect(response.text).not.toContain(credential);

    const text = logs.text();
    // The refusal was logged (at start-up and for this request): its absence is not why the key is.
    expect(text).toMatch(/10004: error sign! origin_string\[redacted\]/);
    for (const credential of [SIM_KEY, SIM_SECRET, WRONG_SECRET]) expect(text).not.toContain(credential);
  });
});
