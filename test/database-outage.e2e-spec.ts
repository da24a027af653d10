import pg from 'pg';
import { postgres, TEST_DATABASE_URL } from './support/database-backends.js';
import { serviceAvailable } from './support/services.js';
import { ADMIN_KEY, bearer, paperAccount, startTestApp, type TestApp } from './support/test-app.js';

const available = await serviceAvailable('PostgreSQL', TEST_DATABASE_URL);

(available ? describe : describe.skip)('PostgreSQL closing the app’s connections', () => {
  let app: TestApp;
  let drop: () => Promise<void>;
  let url: string;

  beforeAll(async () => {
    const database = await postgres.create();
    drop = database.drop;
    url = database.env.DATABASE_URL ?? '';
    app = await startTestApp({ config: { accounts: [paperAccount()] }, env: database.env });
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  it('keeps the app up: the pool replaces the connections and orders go on', async () => {
    const auth = bearer(ADMIN_KEY);
    const order = { symbol: 'BTCUSDT', side: 'buy', type: 'limit', quantity: '0.001', price: '1000' };
    expect(
      (
        await app.http
          .post('/trade')
          .set(...auth)
          .send({ ...order, clientOrderId: 'before-kill' })
      ).status,
    ).toBe(201);
    // What a server restart or a failover does to idle connections.
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const killed = await admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
    await admin.end();
    expect(killed.rowCount).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const after = await app.http
      .post('/trade')
      .set(...auth)
      .send({ ...order, clientOrderId: 'after-kill' });
    expect(after.status).toBe(201);
    const listed = await app.http.get('/orders').set(...auth);
    expect((listed.body.data.items as { clientOrderId: string }[]).map((o) => o.clientOrderId)).toEqual(
      expect.arrayContaining(['before-kill', 'after-kill']),
    );
  });
});
