import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  freePort,
  SERVER_START_TIMEOUT_MS,
  startServerProcess,
  type ServerProcess,
} from './support/server-process.js';

/** Longer than any of these takes, shorter than a hang: startServerProcess fails past it. */
const EXIT_WITHIN_MS = SERVER_START_TIMEOUT_MS;

/** A directory this user cannot create files in: read-only to a user, sysfs for root (which chmod cannot stop). */
async function unwritableDirectory(root: string): Promise<string> {
  if (process.getuid?.() === 0) return '/sys';
  const directory = await mkdtemp(join(root, 'read-only-'));
  await chmod(directory, 0o500);
  return directory;
}

/** The built server failing to start: it exits 1 with one line saying why, no stack trace, no hang. */
describe('a server that cannot start', () => {
  let root: string;
  let server: ServerProcess | undefined;
  let blocker: Server | undefined;

  const failToStart = async (env: Record<string, string>): Promise<string> => {
    server = await startServerProcess(env, EXIT_WITHIN_MS);
    expect(await server.stop()).toBe(1);
    const stderr = server.stderr();
    expect(stderr.split('\n')).toEqual([expect.stringMatching(/^Edgerunner cannot start: \S/), '']);
    return stderr;
  };

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'edgerunner-startup-'));
  });
  afterEach(async () => {
    await server?.stop('SIGKILL');
    server = undefined;
    await new Promise((resolve) => (blocker ? blocker.close(resolve) : resolve(undefined)));
    blocker = undefined;
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('says which port is taken', async () => {
    const port = await freePort();
    blocker = createServer();
    await new Promise<void>((resolve) => blocker?.listen(port, '127.0.0.1', resolve));
    const stderr = await failToStart({ EDGERUNNER_DATA_DIR: join(root, 'port'), PORT: String(port) });
    expect(stderr).toContain(`port ${port} on 127.0.0.1 is already in use (PORT)`);
  });

  it('says the data dir cannot be written', async () => {
    const dataDir = await unwritableDirectory(root);
    const stderr = await failToStart({ EDGERUNNER_DATA_DIR: dataDir });
    expect(stderr).toMatch(new RegExp(`the data dir ${dataDir} cannot be used: (EACCES|EROFS|EPERM)`));
  });

  it('exits on a data dir under /proc instead of spinning in mkdir', async () => {
    const stderr = await failToStart({ EDGERUNNER_DATA_DIR: '/proc/self/nope' });
    expect(stderr).toContain('the data dir /proc/self/nope cannot be used: ENOENT');
  });

  it('says a data dir under a regular file is not a directory', async () => {
    const file = join(root, 'a-file');
    await writeFile(file, '');
    const stderr = await failToStart({ EDGERUNNER_DATA_DIR: join(file, 'data') });
    expect(stderr).toContain(`the data dir ${join(file, 'data')} cannot be used: ENOTDIR`);
  });

  it('says the database cannot be reached, without the password in its URL', async () => {
    const stderr = await failToStart({
      EDGERUNNER_DATA_DIR: join(root, 'database'),
      DATABASE_URL: 'postgres://edgerunner:hunter2-secret@127.0.0.1:1/x',
    });
    expect(stderr).toContain(
      'the database at postgres://127.0.0.1:1/x (DATABASE_URL) cannot be reached: connect ECONNREFUSED',
    );
    expect(stderr).not.toContain('hunter2');
  });

  it('says the API key pepper is not the one the stored keys are hashed with, not that it cannot listen', async () => {
    const dataDir = join(root, 'pepper');
    const pepper = (name: string) => ({
      EDGERUNNER_DATA_DIR: dataDir,
      EDGERUNNER_KEY_PEPPER: name.repeat(40),
    });
    server = await startServerProcess(pepper('a'), EXIT_WITHIN_MS);
    await server.stop();
    const stderr = await failToStart(pepper('b'));
    expect(stderr).toContain('the API key pepper (EDGERUNNER_KEY_PEPPER) is not the one');
    expect(stderr).not.toContain('cannot listen');
  });

  it('adds the stack under the line at LOG_LEVEL=debug', async () => {
    server = await startServerProcess(
      { EDGERUNNER_DATA_DIR: '/proc/self/nope', LOG_LEVEL: 'debug' },
      EXIT_WITHIN_MS,
    );
    expect(await server.stop()).toBe(1);
    const [line, ...detail] = server.stderr().split('\n');
    expect(line).toMatch(/^Edgerunner cannot start: the data dir \/proc\/self\/nope cannot be used/);
    expect(detail.join('\n')).toMatch(
      /^StartupError: .*\n\s+at [\s\S]*acquireDataDirLock[\s\S]*caused by: Error: ENOENT/,
    );
  });
});
