import { sql } from 'drizzle-orm';
import { DATABASE, type Database } from '../src/persistence/database.js';
import { databaseBackends } from './support/database-backends.js';
import { ADMIN_KEY, bearer, paperAccount, startTestApp, type TestApp } from './support/test-app.js';

const backends = await databaseBackends();
const auth = bearer(ADMIN_KEY);
const RESTING = { symbol: 'BTCUSDT', side: 'buy', type: 'limit', quantity: '0.001', price: '1000' };

/**
 * The database refuses the order path's writes while `refuse_order_writes` holds a row naming the table:
 * a trigger raises, as a full disk or a failover would, part-way through the batch's transaction.
 */
async function installRefusal(db: Database): Promise<void> {
  await db.execute(sql`create table refuse_order_writes (target text not null)`);
  await db.execute(sql`
    create function refuse_order_write() returns trigger language plpgsql as $$
    begin
      if exists (select 1 from refuse_order_writes where target in
          (tg_table_name || ':' || tg_op, tg_table_name || ':' || tg_op || ':' || new.client_order_id)) then
        raise exception 'refused by the test: % on %', tg_op, tg_table_name;
      end if;
      return new;
    end $$`);
  await db.execute(sql`create trigger refuse_events before insert on order_events
    for each row execute function refuse_order_write()`);
  await db.execute(sql`create trigger refuse_updates before update on orders
    for each row execute function refuse_order_write()`);
}

describe.each(backends)('group commit when the database refuses a batch, on $name', (backend) => {
  let app: TestApp;
  let db: Database;
  let drop: () => Promise<void>;

  const count = async (table: 'orders' | 'order_events', prefix: string): Promise<number> => {
    const result = await db.execute(
      sql`select count(*)::int as n from ${sql.identifier(table)} where client_order_id like ${`${prefix}%`}`,
    );
    return (result as { rows: { n: number }[] }).rows[0]!.n;
  };
  const refuse = (target: string) => db.execute(sql`insert into refuse_order_writes values (${target})`);
  const allow = () => db.execute(sql`delete from refuse_order_writes`);
  const placeAll = (ids: readonly string[]) =>
    Promise.all(
      ids.map((clientOrderId) =>
        app.http
          .post('/trade')
          .set(...auth)
          .send({ ...RESTING, clientOrderId }),
      ),
    );

  beforeAll(async () => {
    const database = await backend.create();
    drop = database.drop;
    app = await startTestApp({
      config: { accounts: [paperAccount()], throttle: { trade: { limit: 1_000_000, ttlMs: 1000 } } },
      env: database.env,
    });
    db = app.app.get<Database>(DATABASE);
    await installRefusal(db);
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  it('answers every order of a refused batch with a 503, stores none of it, sends none, and takes the retries', async () => {
    const ids = Array.from({ length: 12 }, (_, index) => `refused-${index}`);
    await refuse('order_events:INSERT');
    const refused = await placeAll(ids);
    expect(refused.map((response) => response.status)).toEqual(ids.map(() => 503));
    expect(refused[0]!.body).toEqual(
      expect.objectContaining({
        status: 'error',
        message: expect.stringMatching(
          /was not stored and not sent to the broker.*Retry with the same clientOrderId/,
        ),
      }),
    );
    // The orders were inserted in the batch's first statement and rolled back with its events: nothing half-written.
    expect(await count('orders', 'refused-')).toBe(0);
    expect(await count('order_events', 'refused-')).toBe(0);
    const open = await app.paper().getOpenOrders();
    expect(open.filter((order) => order.clientOrderId.startsWith('refused-'))).toEqual([]);

    await allow();
    const retried = await placeAll(ids);
    expect(retried.map((response) => response.status)).toEqual(ids.map(() => 201));
    await app.settle();
    expect(await count('orders', 'refused-')).toBe(ids.length);
    const listed = await app.http.get('/orders?limit=100').set(...auth);
    const mine = (listed.body.data.items as { clientOrderId: string; status: string }[]).filter((order) =>
      order.clientOrderId.startsWith('refused-'),
    );
    expect(mine.map((order) => order.status)).toEqual(ids.map(() => 'submitted'));
  });

  it('answers a 503 when the acknowledgement cannot be stored, and still records what the broker does next', async () => {
    await refuse('orders:UPDATE:ack-refused');
    const placed = await app.http
      .post('/trade')
      .set(...auth)
      .send({ ...RESTING, clientOrderId: 'ack-refused' });
    expect(placed.status).toBe(503);
    expect(placed.body.message).toMatch(/was sent to the broker but what it answered could not be stored/);
    await allow();
    // A retry answers the stored order; the broker has it, so the order is not placed twice.
    const retried = await app.http
      .post('/trade')
      .set(...auth)
      .send({ ...RESTING, clientOrderId: 'ack-refused' });
    expect(retried.status).toBe(201);
    const atBroker = (await app.paper().getOpenOrders()).filter(
      (order) => order.clientOrderId === 'ack-refused',
    );
    expect(atBroker).toHaveLength(1);
    // The fill the broker reports next lands on the stored order, though its acknowledgement never did.
    app.paper().setQuote('BTCUSDT', '999', '1000');
    let status = '';
    for (let attempt = 0; attempt < 50 && status !== 'filled'; attempt += 1) {
      await app.settle();
      const order = await app.http.get(`/orders/${retried.body.data.id as string}`).set(...auth);
      status = order.body.data.status as string;
      if (status !== 'filled') await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(status).toBe('filled');
  });
});
