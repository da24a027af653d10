import { randomBytes } from 'node:crypto';
import { createConnection } from 'node:net';
import { userInfo } from 'node:os';
import pg from 'pg';

/** A PostgreSQL database created for this run, and dropped after it. */
export interface BenchDatabase {
  /** e.g. "PostgreSQL 15.20". */
  readonly label: string;
  /** Where the app finds it (its DATABASE_URL). */
  readonly url: string;
  drop(): Promise<void>;
}

export const DEFAULT_SERVER_URL = 'postgres://127.0.0.1:5432/test';

/** Refuses a database whose name does not say it may be thrown away. */
export function assertDisposable(url: string): void {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!/test|bench/i.test(name))
    throw new Error(
      `refusing to use database "${name}" (${redact(url)}): its name must contain "test" or "bench"`,
    );
}

/**
 * A fresh database `<prefix>_<random>` on the server at `serverUrl` (whose own database must be named for
 * tests or benches), or null when nothing accepts connections there. A server that answers but refuses
 * us is an error, not a skip.
 */
export async function createBenchDatabase(
  serverUrl: string,
  prefix = 'edgerunner_bench',
): Promise<BenchDatabase | null> {
  assertDisposable(serverUrl);
  const server = new URL(serverUrl);
  if (!(await reachable(server))) return null;
  // libpq's default user, which node-postgres lacks when neither the URL nor PGUSER names one.
  if (server.username === '' && process.env.PGUSER === undefined) server.username = userInfo().username;
  const admin = new pg.Client({ connectionString: server.href, connectionTimeoutMillis: 5000 });
  await admin.connect();
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  try {
    const { rows } = await admin.query<{ server_version: string }>('show server_version');
    const url = new URL(server.href);
    url.pathname = `/${name}`;
    assertDisposable(url.href);
    await admin.query(`create database ${name}`);
    return {
      label: `PostgreSQL ${rows[0]?.server_version.split(' ')[0] ?? ''}`.trim(),
      url: url.href,
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

/** The URL without its password, for messages. */
export function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password !== '') parsed.password = '***';
  return parsed.href;
}

/** True when something accepts TCP connections at the URL's host and port. */
function reachable(url: URL, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: url.hostname || '127.0.0.1', port: Number(url.port || 5432) });
    const finish = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}
