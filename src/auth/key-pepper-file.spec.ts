import { chmod, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StartupError } from '../common/startup-error.js';
import { ConfigurationError } from '../config/configuration-error.js';
import { KEY_PEPPER_FILE, readOrCreatePepperFile } from './key-pepper-file.js';

describe('readOrCreatePepperFile', () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'edgerunner-pepper-'));
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('generates a random pepper readable only by its owner, and reads the same one back', async () => {
    const first = await readOrCreatePepperFile(join(dataDir, 'not-yet'));
    expect(first.created).toBe(true);
    expect(first.pepper).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await stat(first.path)).mode & 0o777).toBe(0o600);
    expect(first.exposedMode).toBeUndefined();

    const again = await readOrCreatePepperFile(join(dataDir, 'not-yet'));
    expect(again).toEqual({ ...first, created: false });
    const other = await mkdtemp(join(tmpdir(), 'edgerunner-pepper-other-'));
    expect((await readOrCreatePepperFile(other)).pepper).not.toBe(first.pepper);
    await rm(other, { recursive: true, force: true });
  });

  it('agrees on one pepper when several processes start at once, leaving no temporary file', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => readOrCreatePepperFile(dataDir)));
    expect(new Set(results.map((result) => result.pepper)).size).toBe(1);
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(await readdir(dataDir)).toEqual([KEY_PEPPER_FILE]);
  });

  it('reads a pepper put there by hand, trimmed, and names a mode others may read', async () => {
    const path = join(dataDir, KEY_PEPPER_FILE);
    await writeFile(path, `  ${'p'.repeat(40)}\n`);
    await chmod(path, 0o644);
    expect(await readOrCreatePepperFile(dataDir)).toEqual({
      path,
      pepper: 'p'.repeat(40),
      created: false,
      exposedMode: '0644',
    });
  });

  it('names the file when the data dir cannot hold it', async () => {
    const blocked = join(dataDir, 'not-a-directory');
    await writeFile(blocked, '');
    await expect(readOrCreatePepperFile(blocked)).rejects.toThrow(StartupError);
    await expect(readOrCreatePepperFile(blocked)).rejects.toThrow(
      `the API key pepper ${join(blocked, KEY_PEPPER_FILE)} cannot be read or written: `,
    );
  });

  it('refuses a pepper file that is empty or too short instead of replacing it', async () => {
    await writeFile(join(dataDir, KEY_PEPPER_FILE), 'short\n', { mode: 0o600 });
    await expect(readOrCreatePepperFile(dataDir)).rejects.toThrow(ConfigurationError);
    await expect(readOrCreatePepperFile(dataDir)).rejects.toThrow(/api-key\.pepper.*shorter than 32/);
  });
});
