import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { StartupError } from '../common/startup-error.js';
import type { Database } from './database.js';
import { ensureDirectory } from './ensure-directory.js';
import { EventLoopFriendlyPGlite } from './event-loop-friendly-pglite.js';
import { describeDatabaseUrl, probePostgres } from './probe-postgres.js';
import * as schema from './schema/index.js';

/** Committed migrations: src/persistence/migrations, copied beside the build by nest-cli. */
const MIGRATIONS = fileURLToPath(new URL('./migrations', import.meta.url));

export interface DatabaseOptions {
  /** postgres:// URL of a server; without it, PGlite stores the database under `dataDir`. */
  readonly url?: string;
  readonly dataDir: string;
  /** PGlite in memory, gone at close: for tests. */
  readonly inMemory?: boolean;
  /** Hears a pooled connection the server closed (a restart, a failover, an admin): the pool replaces it. */
  readonly onConnectionLost?: (error: Error) => void;
}

export interface OpenDatabase {
  readonly db: Database;
  readonly kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

/** Runs the migrations; a database that cannot be opened or migrated is closed and stops start-up. */
async function migrated(
  database: string,
  migrate: () => Promise<void>,
  close: () => Promise<void>,
): Promise<void> {
  try {
    await migrate();
  } catch (error) {
    await close().catch(() => undefined);
    throw new StartupError(`${database} cannot be opened and migrated: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/** Opens the database and brings its schema up to date before anything reads it. */
export async function openDatabase(options: DatabaseOptions): Promise<OpenDatabase> {
  if (options.url) {
    await probePostgres(options.url);
    const pool = new pg.Pool({ connectionString: options.url, max: 10 });
    // An idle client the server drops emits 'error' on the pool; unheard, it would crash the process.
    pool.on('error', (error) => options.onConnectionLost?.(error));
    const db = drizzlePg(pool, { schema });
    const close = () => pool.end();
    await migrated(
      `the database at ${describeDatabaseUrl(options.url)}`,
      () => migratePg(db, { migrationsFolder: MIGRATIONS }),
      close,
    );
    return { db: db as unknown as Database, kind: 'postgres', close };
  }
  const directory = options.inMemory ? 'memory://' : join(options.dataDir, 'pglite');
  if (!options.inMemory) ensureDirectory(directory);
  const client = new EventLoopFriendlyPGlite(directory);
  const db = drizzlePglite(client, { schema });
  const close = () => client.close();
  await migrated(
    `the embedded database in ${directory}`,
    () => migratePglite(db, { migrationsFolder: MIGRATIONS }),
    close,
  );
  return { db: db as unknown as Database, kind: 'pglite', close };
}
