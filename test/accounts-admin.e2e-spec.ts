import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BybitSimulator } from '#simulators';
import { seedEmbeddedDatabase } from './support/database-template.js';
import { bybitAccount, SIM_KEY, SIM_SECRET } from './support/bybit-account.js';
import { eventually } from './support/eventually.js';
import { ADMIN_KEY, bearer, paperAccount, startTestApp, type TestApp } from './support/test-app.js';

const auth = bearer(ADMIN_KEY);
const MASTER_KEY = 'accounts-e2e-master-key-0123456789abcdef';

interface AccountBody {
  name: string;
  status: string;
  origin: string;
  downReason: string | null;
  options: Record<string, unknown>;
}

/** Every file under `dir`, to search the bytes at rest. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

async function filesHolding(dir: string, needle: string): Promise<string[]> {
  const holding: string[] = [];
  for (const file of await filesUnder(dir)) {
    if ((await readFile(file)).includes(Buffer.from(needle, 'utf8'))) holding.push(file);
  }
  return holding;
}

/** Accounts added, changed and removed over the API, their credentials sealed at rest. */
describe('accounts over the API', () => {
  let simulator: BybitSimulator;
  let dataDir: string;
  let app: TestApp | undefined;
  const start = (env: Record<string, string> = { EDGERUNNER_MASTER_KEY: MASTER_KEY }) =>
    startTestApp({
      dataDir,
      env,
      config: { accounts: [paperAccount()], throttle: { trade: { limit: 1000, ttlMs: 1000 } } },
    });
  const account = async (name: string): Promise<AccountBody | undefined> => {
    const response = await app!.http.get('/accounts').set(...auth);
    return (response.body.data as AccountBody[]).find((each) => each.name === name);
  };

  beforeAll(async () => {
    simulator = new BybitSimulator({ tickIntervalMs: 0 });
    await simulator.start();
    dataDir = await mkdtemp(join(tmpdir(), 'edgerunner-accounts-'));
    await seedEmbeddedDatabase(dataDir);
    app = await start();
  });
  afterAll(async () => {
    await app?.close();
    await simulator.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('adds a Bybit account that connects and trades, showing its credentials only masked', async () => {
    const created = await app!.http
      .post('/accounts')
      .set(...auth)
      .send(bybitAccount(simulator, 'desk'));
    expect(created.status).toBe(201);
    expect(created.body.data).toEqual(
      expect.objectContaining({ name: 'desk', broker: 'bybit', status: 'connected', origin: 'api' }),
    );
    expect(created.body.data.options).toEqual(
      expect.objectContaining({ apiKey: '****', apiSecret: '****', restBaseUrl: simulator.url }),
    );
    expect(JSON.stringify(created.body)).not.toContain(SIM_SECRET);
    expect(JSON.stringify(created.body)).not.toContain(SIM_KEY);
    expect((await account('paper'))?.origin).toBe('config');

    const order = await app!.http
      .post('/trade')
      .set(...auth)
      .send({ account: 'desk', symbol: 'BTCUSDT', side: 'buy', type: 'market', quantity: '0.002' });
    expect(order.status).toBe(201);
    expect(simulator.orders().some((each) => each.orderLinkId === order.body.data.clientOrderId)).toBe(true);
  });

  it('refuses a name in use, environment variable names, and bad options, naming the field', async () => {
    const taken = await app!.http
      .post('/accounts')
      .set(...auth)
      .send(paperAccount('paper'));
    expect(taken.status).toBe(409);
    const fromEnv = await app!.http
      .post('/accounts')
      .set(...auth)
      .send({ name: 'env', broker: 'bybit', bybit: { apiKeyEnv: 'HOME', apiSecretEnv: 'PATH' } });
    expect(fromEnv.status).toBe(400);
    expect(fromEnv.body.message).toContain(
      'bybit.apiKeyEnv: accounts added over the API take their secrets inline',
    );
    const bad = await app!.http
      .post('/accounts')
      .set(...auth)
      .send({ name: 'Bad Name', broker: 'bybit', bybit: { apiKey: 'k', apiSecret: 's', recvWindowMs: 5 } });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/name: .*bybit\.recvWindowMs: /);
    const notObject = await app!.http
      .post('/accounts')
      .set(...auth)
      .send([1, 2]);
    expect(notObject.status).toBe(400);
    const reader = await app!.createKey(['read']);
    const forbidden = await app!.http
      .post('/accounts')
      .set(...bearer(reader))
      .send(paperAccount('mine'));
    expect(forbidden.status).toBe(403);
    expect((await account('env')) ?? (await account('mine'))).toBeUndefined();
  });

  it('changes only what a PATCH names: a wrong secret takes the account down, the right one back up', async () => {
    const wrong = await app!.http
      .patch('/accounts/desk')
      .set(...auth)
      .send({ bybit: { apiSecret: 'x'.repeat(20) } });
    expect(wrong.status).toBe(200);
    expect(wrong.body.data.status).not.toBe('connected');
    expect(wrong.body.data.downReason).toContain('authentication refused by bybit');
    expect(wrong.body.data.options).toEqual(
      expect.objectContaining({ apiSecret: '****xxxx', restBaseUrl: simulator.url }),
    );
    const right = await app!.http
      .patch('/accounts/desk')
      .set(...auth)
      .send({ bybit: { apiSecret: SIM_SECRET } });
    expect(right.body.data.status).toBe('connected');
    const rename = await app!.http
      .patch('/accounts/desk')
      .set(...auth)
      .send({ broker: 'paper' });
    expect(rename.status).toBe(400);
    const configured = await app!.http
      .patch('/accounts/paper')
      .set(...auth)
      .send({ autoConnect: false });
    expect(configured.status).toBe(409);
    expect((await app!.http.delete('/accounts/paper').set(...auth)).status).toBe(409);
    expect(
      (
        await app!.http
          .patch('/accounts/nobody')
          .set(...auth)
          .send({})
      ).status,
    ).toBe(404);
  });

  it('keeps the account across a restart, its secrets nowhere in plain text at rest', async () => {
    await app!.close();
    app = undefined;
    expect(await filesHolding(dataDir, SIM_SECRET)).toEqual([]);
    expect(await filesHolding(dataDir, SIM_KEY)).toEqual([]);
    app = await start();
    await eventually(
      async () => (await account('desk'))?.status === 'connected',
      'the stored account to connect',
    );
  });

  it('will not start under another master key, saying which key sealed the credentials', async () => {
    await app!.close();
    app = undefined;
    await expect(start({ EDGERUNNER_MASTER_KEY: 'another-master-key-0123456789abcdefgh' })).rejects.toThrow(
      /sealed under master key [0-9a-f]{12}, not the current key [0-9a-f]{12}.*rotate-master-key/,
    );
    app = await start();
  });

  it('removes an account once it has no open order, and forgets it across a restart', async () => {
    const resting = await app!.http
      .post('/trade')
      .set(...auth)
      .send({
        account: 'desk',
        symbol: 'BTCUSDT',
        side: 'buy',
        type: 'limit',
        price: '40000',
        quantity: '0.002',
      });
    expect(resting.status).toBe(201);
    const refused = await app!.http.delete('/accounts/desk').set(...auth);
    expect(refused.status).toBe(409);
    expect(refused.body.data.openOrders).toEqual([resting.body.data.id]);
    expect((await app!.http.delete(`/orders/${resting.body.data.id}`).set(...auth)).status).toBe(200);
    const removed = await app!.http.delete('/accounts/desk').set(...auth);
    expect(removed.status).toBe(200);
    expect(await account('desk')).toBeUndefined();
    expect((await app!.http.get('/positions?account=desk').set(...auth)).status).toBe(404);
    await app!.close();
    app = await start();
    expect(await account('desk')).toBeUndefined();
  });

  it('generates a private master key file on an embedded default without one', async () => {
    const own = await mkdtemp(join(tmpdir(), 'edgerunner-accounts-key-'));
    try {
      await seedEmbeddedDatabase(own);
      const other = await startTestApp({ dataDir: own });
      await other.close();
      expect((await stat(join(own, 'master.key'))).mode & 0o777).toBe(0o600);
    } finally {
      await rm(own, { recursive: true, force: true });
    }
  });
});
