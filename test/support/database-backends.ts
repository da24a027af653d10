import { randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import pg from 'pg';
import { serviceAvailable } from './services.js';

export const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? `postgres://${userInfo().username}@127.0.0.1:5432/test`;

/** A database the app under test runs on: none for embedded PGlite, or a fresh PostgreSQL database. */
export interface DatabaseBackend {
  readonly name: 'pglite' | 'postgres';
  /** Environment for the app: DATABASE_URL for PostgreSQL, nothing for PGlite. */
  create(): Promise<{ env: Record<string, string>; drop(): Promise<void> }>;
}

const pglite: DatabaseBackend = {
  name: 'pglite',
  create: () => Promise.resolve({ env: {}, drop: () => Promise.resolve() }),
};

/** Refuses to create or drop anything on a server database not named for tests. */
function assertTestDatabase(url: string): void {
  const name = new URL(url).pathname.slice(1);
  if (!/test/i.test(name)) throw new Error(`Refusing to run destructive tests against database "${name}"`);
}

/** A fresh PostgreSQL database on the test server (the caller checks the server answers). */
export const postgres: DatabaseBackend = {
  name: 'postgres',
  async create() {
    assertTestDatabase(TEST_DATABASE_URL);
    const name = `edgerunner_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(TEST_DATABASE_URL);
    url.pathname = `/${name}`;
    return {
      env: { DATABASE_URL: url.toString() },
      drop: async () => {
        const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await client.end();
      },
    };
  },
};

/** PGlite always; PostgreSQL when it answers (and, with REQUIRE_SERVICES=1, fail when it does not). */
export async function databaseBackends(): Promise<DatabaseBackend[]> {
  return (await serviceAvailable('PostgreSQL', TEST_DATABASE_URL)) ? [pglite, postgres] : [pglite];
}
