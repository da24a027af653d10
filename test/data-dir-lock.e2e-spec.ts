import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseBackends } from './support/database-backends.js';
import { startServerProcess, type ServerProcess } from './support/server-process.js';

const KEY = 'er_lock_test_admin_key_0123456789ab';
const backends = await databaseBackends();
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The built server, started twice on one data dir: the embedded database and the paper journal are one process's. */
describe.each(backends)('one server per data dir, on $name', (backend) => {
  let dataDir: string;
  let env: Record<string, string>;
  let drop: () => Promise<void>;
  const servers: ServerProcess[] = [];
  const start = async (extra: Record<string, string> = {}): Promise<ServerProcess> => {
    const server = await startServerProcess({ ...env, ...extra });
    servers.push(server);
    return server;
  };
  const auth = { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json' };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), `edgerunner-lock-${backend.name}-`));
    const database = await backend.create();
    drop = database.drop;
    env = { EDGERUNNER_DATA_DIR: dataDir, EDGERUNNER_API_KEY: KEY, LOG_LEVEL: 'warn', ...database.env };
  });
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.stop('SIGKILL')));
  });
  afterAll(async () => {
    await drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('refuses a second server naming the dir and the PID, and starts again after the first is killed', async () => {
    const first = await start();
    const order = await fetch(`${first.url}/trade`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ symbol: 'BTCUSDT', side: 'buy', type: 'market', quantity: '0.001' }),
    });
    expect(order.status).toBe(201);
    const { id } = ((await order.json()) as { data: { id: string } }).data;

    const second = await start();
    expect(await second.stop()).toBe(1);
    expect(second.stderr()).toMatch(
      new RegExp(
        `^Edgerunner cannot start: the data dir ${escapeRegExp(dataDir)} is in use by another Edgerunner ` +
          `process, PID ${first.child.pid} \\(since [^)]+\\): stop it, or give this one its own EDGERUNNER_DATA_DIR\n$`,
      ),
    );
    // The first never noticed: it still serves.
    expect((await fetch(`${first.url}/orders/${id}`, { headers: auth })).status).toBe(200);

    // A kill leaves the lock file behind; its PID is dead, so the next start takes it over.
    expect(await first.stop('SIGKILL')).toBe('SIGKILL');
    const third = await start();
    const restored = await fetch(`${third.url}/orders/${id}`, { headers: auth });
    expect(restored.status).toBe(200);
    expect(((await restored.json()) as { data: { status: string } }).data.status).toBe('filled');
  });

  if (backend.name === 'postgres') {
    it('lets replicas on PostgreSQL share a data dir none of them keeps files in', async () => {
      const config = join(dataDir, 'no-journal.json');
      await writeFile(
        config,
        JSON.stringify({ accounts: [{ name: 'paper', broker: 'paper', paper: { journalFile: false } }] }),
      );
      const replicas = [
        await start({ EDGERUNNER_CONFIG: config }),
        await start({ EDGERUNNER_CONFIG: config }),
      ];
      for (const replica of replicas) expect((await fetch(`${replica.url}/health`)).status).toBe(200);
    });
  }
});
