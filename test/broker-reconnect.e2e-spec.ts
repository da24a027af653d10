import { BybitSimulator } from '#simulators';
import { SIM_KEY, SIM_SECRET } from './support/bybit-account.js';
import { freePort } from './support/server-process.js';
import { ADMIN_KEY, bearer, startTestApp, type TestApp } from './support/test-app.js';

describe('an account whose broker is unreachable at start', () => {
  let app: TestApp;
  let simulator: BybitSimulator | undefined;
  let port: number;
  const account = async (): Promise<{ status: string; downReason: string | null } | undefined> => {
    const response = await app.http.get('/accounts').set(...bearer(ADMIN_KEY));
    return (response.body.data as { name: string; status: string; downReason: string | null }[]).find(
      (a) => a.name === 'bybit',
    );
  };
  const status = async (): Promise<string | undefined> => (await account())?.status;

  beforeAll(async () => {
    port = await freePort();
    const base = `127.0.0.1:${port}`;
    app = await startTestApp({
      config: {
        accounts: [
          {
            name: 'bybit',
            broker: 'bybit',
            bybit: {
              apiKey: SIM_KEY,
              apiSecret: SIM_SECRET,
              restBaseUrl: `http://${base}`,
              wsPrivateUrl: `ws://${base}/v5/private`,
              wsPublicUrl: `ws://${base}/v5/public/linear`,
              requestTimeoutMs: 1000,
            },
          },
        ],
      },
    });
  });
  afterAll(async () => {
    await app.close();
    await simulator?.stop();
  });

  it('starts the API anyway, shows the account down, and connects it by itself once the broker answers', async () => {
    expect(await account()).toEqual(
      expect.objectContaining({
        // Between two attempts it is down; during one (a loaded machine may be caught there) connecting.
        status: expect.stringMatching(/^(down|connecting)$/),
        downReason: expect.stringMatching(/^cannot connect to bybit.*; retrying with backoff$/),
      }),
    );
    expect((await app.http.get('/health/ready')).status).toBe(503);
    // Unreachable is a passing reason, unlike refused credentials: an order on it may be retried.
    const meanwhile = await app.http
      .post('/trade')
      .set(...bearer(ADMIN_KEY))
      .send({ symbol: 'BTCUSDT', side: 'buy', type: 'market', quantity: '0.001' });
    expect([meanwhile.status, meanwhile.body.data?.retryable]).toEqual([503, true]);
    simulator = new BybitSimulator({ port, tickIntervalMs: 0 });
    await simulator.start();
    for (let attempt = 0; attempt < 80 && (await status()) !== 'connected'; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await account()).toEqual(expect.objectContaining({ status: 'connected', downReason: null }));
    expect((await app.http.get('/health/ready')).status).toBe(200);
    const placed = await app.http
      .post('/trade')
      .set(...bearer(ADMIN_KEY))
      .send({ symbol: 'BTCUSDT', side: 'buy', type: 'market', quantity: '0.001' });
    expect(placed.status).toBe(201);
  }, 20_000);
});
