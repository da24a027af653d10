import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { seedEmbeddedDatabase } from './support/database-template.js';
import { ADMIN_KEY, bearer, paperAccount, startTestApp } from './support/test-app.js';

const ROTATE = fileURLToPath(new URL('../dist/src/rotate-master-key.js', import.meta.url));
const run = promisify(execFile);
const auth = bearer(ADMIN_KEY);

/** `npm run rotate-master-key` as an operator runs it: the built command, on a stopped server's data dir. */
describe('rotating the master key', () => {
  let dataDir: string;
  const rotate = (env: Record<string, string> = {}) =>
    run(process.execPath, [ROTATE], {
      env: { PATH: process.env.PATH, EDGERUNNER_DATA_DIR: dataDir, ...env },
    });
  const accountsAfterStart = async (env: Record<string, string> = {}) => {
    const app = await startTestApp({ dataDir, env });
    try {
      const response = await app.http.get('/accounts').set(...auth);
      return (response.body.data as { name: string; origin: string }[]).map(
        ({ name, origin }) => `${name}:${origin}`,
      );
    } finally {
      await app.close();
    }
  };

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'edgerunner-rotate-'));
    await seedEmbeddedDatabase(dataDir);
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('replaces the data dir key file and re-encrypts what is stored, which the next start opens', async () => {
    const app = await startTestApp({ dataDir });
    expect(
      (
        await app.http
          .post('/accounts')
          .set(...auth)
          .send(paperAccount('desk'))
      ).status,
    ).toBe(201);
    await app.close();
    const before = await readFile(join(dataDir, 'master.key'), 'utf8');

    const { stdout } = await rotate();
    expect(stdout).toMatch(
      /^Re-encrypted 1 stored account\(s\) under master key [0-9a-f]{12} \(was [0-9a-f]{12}\)/,
    );
    const after = await readFile(join(dataDir, 'master.key'), 'utf8');
    expect(after).not.toBe(before);
    expect(stdout).not.toContain(after.trim());
    expect((await stat(join(dataDir, 'master.key'))).mode & 0o777).toBe(0o600);
    expect(await accountsAfterStart()).toEqual(['paper:config', 'desk:api']);

    // The old key opens nothing any more.
    await writeFile(join(dataDir, 'master.key'), before, { mode: 0o600 });
    await expect(accountsAfterStart()).rejects.toThrow(/sealed under master key/);
  });

  it('re-encrypts under EDGERUNNER_NEW_MASTER_KEY, to be set as EDGERUNNER_MASTER_KEY after', async () => {
    const oldKey = { EDGERUNNER_MASTER_KEY: 'rotation-old-master-key-0123456789abcdef' };
    const newKey = 'rotation-new-master-key-0123456789abcdef';
    const app = await startTestApp({ dataDir, env: oldKey });
    expect(
      (
        await app.http
          .post('/accounts')
          .set(...auth)
          .send(paperAccount('desk'))
      ).status,
    ).toBe(201);
    await app.close();

    const { stdout } = await rotate({ ...oldKey, EDGERUNNER_NEW_MASTER_KEY: newKey });
    expect(stdout).toContain('Now start every replica with EDGERUNNER_MASTER_KEY set to the value of');
    expect(stdout).not.toContain(newKey);
    expect(await accountsAfterStart({ EDGERUNNER_MASTER_KEY: newKey })).toEqual(['paper:config', 'desk:api']);
    await expect(
      rotate({ EDGERUNNER_MASTER_KEY: newKey, EDGERUNNER_NEW_MASTER_KEY: newKey }),
    ).rejects.toThrow(/is the current master key/);
  });

  it('refuses to run while the server holds the data dir', async () => {
    const app = await startTestApp({ dataDir });
    try {
      await expect(rotate()).rejects.toThrow(/in use by this Edgerunner process|in use by/);
    } finally {
      await app.close();
    }
  });
});
