import { BybitSimulator } from '#simulators';
import { bybitAccount } from './support/bybit-account.js';
import { ADMIN_KEY, bearer, startTestApp, type TestApp } from './support/test-app.js';

interface AccountBody {
  readonly name: string;
  readonly status: string;
  readonly degradedReason: string | null;
}

/**
 * An account whose reconciliation fails takes no new orders until a retry succeeds; GET /accounts says why
 * meanwhile. The orders module owns that state and the accounts listing shows what it announced.
 */
describe('an account degraded by a failed reconciliation', () => {
  let simulator: BybitSimulator;
  let app: TestApp;
  const auth = bearer(ADMIN_KEY);

  const account = async (): Promise<AccountBody | undefined> =>
    ((await app.http.get('/accounts').set(...auth)).body.data as AccountBody[]).find(
      (candidate) => candidate.name === 'bybit',
    );
  const trade = () =>
    app.http
      .post('/trade')
      .set(...auth)
      .send({
        account: 'bybit',
        symbol: 'BTCUSDT',
        side: 'buy',
        type: 'limit',
        quantity: '0.002',
        price: '60000',
      });

  beforeAll(async () => {
    simulator = new BybitSimulator({ tickIntervalMs: 0 });
    await simulator.start();
    // Open orders cannot be read once: the start-up reconciliation fails, its first retry (1 s) succeeds.
    simulator.failNext('/v5/order/realtime', { httpStatus: 502, body: 'bad gateway' }, 3);
    app = await startTestApp({ config: { accounts: [bybitAccount(simulator)] } });
  });
  afterAll(async () => {
    await app.close();
    await simulator.stop();
  });

  it('refuses new orders with 503 saying why, and shows the reason on GET /accounts', async () => {
    expect(await account()).toEqual(
      expect.objectContaining({
        status: 'connected',
        degradedReason: expect.stringMatching(/^reconciliation failed: /),
      }),
    );
    const refused = await trade();
    expect(refused.status).toBe(503);
    expect(refused.body.message).toMatch(
      /takes no new orders until reconciliation succeeds: reconciliation failed/,
    );
    expect((await app.http.get('/orders').set(...auth)).body.data.items).toEqual([]);
  });

  it('takes orders again once a retry reconciles, and GET /accounts clears the reason', async () => {
    for (let attempt = 0; attempt < 100 && (await account())?.degradedReason; attempt += 1)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await account()).toEqual(expect.objectContaining({ status: 'connected', degradedReason: null }));
    const accepted = await trade();
    expect(accepted.body).toEqual(expect.objectContaining({ status: 'success' }));
    expect(accepted.status).toBe(201);
  });
});
