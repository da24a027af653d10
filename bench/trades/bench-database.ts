import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseOptions } from '../../src/persistence/open-database.js';
import { createBenchDatabase } from '../support/postgres-database.js';

/** A database made for one bench run, and how the app reaches it. */
export interface BenchDatabase {
  readonly label: string;
  /** For openDatabase(), to migrate and seed it before the app starts. */
  readonly options: DatabaseOptions;
  /** Added to the app's environment so the app opens this database. */
  readonly appEnv: Readonly<Record<string, string>>;
  /** Removes the database and everything in it. */
  drop(): Promise<void>;
}

/** A PGlite database in a fresh temporary directory (the app's `EDGERUNNER_DATA_DIR`). */
export async function pgliteBenchDatabase(): Promise<BenchDatabase> {
  const dataDir = await mkdtemp(join(tmpdir(), 'edgerunner-bench-trades-'));
  return {
    label: 'PGlite',
    options: { dataDir },
    appEnv: { EDGERUNNER_DATA_DIR: dataDir },
    drop: () => rm(dataDir, { recursive: true, force: true }),
  };
}

/**
 * A database of its own on the PostgreSQL server at `serverUrl`, created for this run and dropped after
 * it; null when nothing listens there.
 */
export async function postgresBenchDatabase(serverUrl: string): Promise<BenchDatabase | null> {
  const database = await createBenchDatabase(serverUrl, 'edgerunner_bench_trades');
  if (!database) return null;
  return {
    label: database.label,
    options: { url: database.url, dataDir: '' },
    appEnv: { DATABASE_URL: database.url },
    drop: () => database.drop(),
  };
}
