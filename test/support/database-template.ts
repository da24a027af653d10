import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../src/persistence/open-database.js';

const JOURNAL = fileURLToPath(
  new URL('../../src/persistence/migrations/meta/_journal.json', import.meta.url),
);

/** The template of this set of migrations: a new migration makes a new one. */
async function templateDirectory(): Promise<string> {
  const digest = createHash('sha256')
    .update(await readFile(JOURNAL))
    .digest('hex')
    .slice(0, 16);
  return join(tmpdir(), `edgerunner-pglite-template-${digest}`);
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/**
 * Gives `dataDir` an embedded database already created and migrated, copied from a template made once per
 * machine and set of migrations. Creating one (PGlite's initdb) takes about 6 s of CPU, several times that
 * while other suites hold both cores, and every e2e suite starts apps on fresh data dirs; a copy takes
 * 0.1 s. The app still opens it and runs its migrations (finding none to apply); the first start on an
 * empty data dir is what the built-server tests (server-process, demo, startup failures) go through.
 */
export async function seedEmbeddedDatabase(dataDir: string): Promise<void> {
  const template = await templateDirectory();
  if (!(await exists(template))) {
    const building = await mkdtemp(`${template}-building-`);
    const database = await openDatabase({ dataDir: building });
    await database.close();
    // Two workers may build at once: the first rename wins, the other's copy is dropped.
    await rename(join(building, 'pglite'), template).catch(() => undefined);
    await rm(building, { recursive: true, force: true });
  }
  await cp(template, join(dataDir, 'pglite'), { recursive: true });
}
