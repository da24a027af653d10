import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess, type ServerProcess } from './support/server-process.js';

/** The built server as a user runs it: first-start key, JSON logs with request ids, no secret in any log line. */
describe('the server process', () => {
  let dataDir: string;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'edgerunner-process-'));
  });
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('prints an admin key once on first start, keeps it across a restart, and never logs it', async () => {
    server = await startServerProcess({
      EDGERUNNER_DATA_DIR: dataDir,
      LOG_LEVEL: 'debug',
      NODE_ENV: 'production',
      EDGERUNNER_MASTER_KEY: 'server-process-master-key-0123456789abcdef',
    });
    const key = /\n {2}(er_[A-Za-z0-9_-]{40,})\n/.exec(server.stdout())?.[1];
    expect(key).toBeDefined();
    const auth = { Authorization: `Bearer ${key}` };

    const accounts = await fetch(`${server.url}/accounts`, {
      headers: { ...auth, 'X-Request-Id': 'trace-me-1' },
    });
    expect(accounts.status).toBe(200);
    expect(accounts.headers.get('x-request-id')).toBe('trace-me-1');
    const order = await fetch(`${server.url}/trade`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ symbol: 'BTCUSDT', side: 'buy', type: 'market', quantity: '0.001' }),
    });
    expect(order.status).toBe(201);
    // Nest closes the app on SIGTERM, then ends the process with the same signal.
    expect(await server.stop()).toBe('SIGTERM');

    const output = server.stdout();
    const logLines = output.split('\n').filter((line) => line.startsWith('{'));
    expect(logLines.length).toBeGreaterThan(5);
    for (const line of logLines) expect(() => JSON.parse(line) as unknown).not.toThrow();
    const requestLines = logLines.filter((line) => line.includes('trace-me-1'));
    expect(requestLines.length).toBeGreaterThan(0);
    expect(requestLines.join('\n')).toContain('[redacted]');
    expect(logLines.join('\n')).not.toContain(key);
    expect(output.split(key ?? '').length - 1).toBe(1);

    server = await startServerProcess({ EDGERUNNER_DATA_DIR: dataDir, LOG_LEVEL: 'info' });
    expect(server.stdout()).not.toMatch(/er_[A-Za-z0-9_-]{40,}/);
    expect((await fetch(`${server.url}/accounts`, { headers: auth })).status).toBe(200);
  });

  it('refuses to start on a bad setting, naming it', async () => {
    server = await startServerProcess({ EDGERUNNER_DATA_DIR: dataDir, LOG_LEVEL: 'shouty' });
    const exitCode = await server.stop();
    expect(exitCode).toBe(1);
    expect(server.stderr()).toMatch(/Edgerunner cannot start: .*LOG_LEVEL/);
  });
});
