import { mkdtemp, rm } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DatabaseOptions } from '../../src/persistence/open-database.js';

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

/** Refuses a server database whose name does not say it may be thrown away. */
export function assertDisposable(url: string): void {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!/test|bench/i.test(name))
    throw new Error(`refusing to use database "${name}": its name must contain "test" or "bench"`);
}

/** True when something accepts TCP connections at the URL's host and port. */
function reachable(url: URL, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: url.hostname, port: Number(url.port || 5432) });
    const finish = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}

/**
 * A database of its own on the PostgreSQL server at `serverUrl` (whose own database must be named for
 * tests), created for this run and dropped after it; null when nothing listens there. A server that
 * listens but refuses us is an error, not a skip.
 */
export async function postgresBenchDatabase(serverUrl: string): Promise<BenchDatabase | null> {
  assertDisposable(serverUrl);
  const server = new URL(serverUrl);
  if (!(await reachable(server))) return null;
  // libpq's default, which node-postgres lacks when neither the URL nor PGUSER names a user.
  if (server.username === '' && process.env.PGUSER === undefined) server.username = userInfo().username;
  const admin = new pg.Client({ connectionString: server.href, connectionTimeoutMillis: 5000 });
  await admin.connect();
  const name = `edgerunner_bench_trades_${process.pid}_${Date.now().toString(36)}`;
  try {
    const { rows } = await admin.query<{ server_version: string }>('show server_version');
    await admin.query(`create database ${name}`);
    const url = new URL(server.href);
    url.pathname = `/${name}`;
    assertDisposable(url.href);
    return {
      label: `PostgreSQL ${rows[0]?.server_version.split(' ')[0] ?? ''}`.trim(),
      options: { url: url.href, dataDir: '' },
      appEnv: { DATABASE_URL: url.href },
      drop: async () => {
        try {
          await admin.query(`drop database if exists ${name} with (force)`);
        } finally {
          await admin.end();
        }
      },
    };
  } catch (error) {
    await admin.end();
    throw error;
  }
}
