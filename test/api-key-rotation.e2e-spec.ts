import { createHash, createHmac } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { DATABASE, type Database } from '../src/persistence/database.js';
import { postgres, TEST_DATABASE_URL } from './support/database-backends.js';
import { LogCapture } from './support/log-capture.js';
import { serviceAvailable } from './support/services.js';
import { bearer, startTestApp, type TestApp } from './support/test-app.js';

const KEY_A = 'rotation-key-a-chosen-by-ops-0001';
const KEY_B = 'rotation-key-b-chosen-by-ops-0002';
const KEY_C = 'rotation-key-c-chosen-by-ops-0003';
const MIGRATIONS = fileURLToPath(new URL('../src/persistence/migrations', import.meta.url));

interface KeyView {
  id: string;
  name: string;
  prefix: string | null;
  revokedAt: string | null;
}

/** Every app of this file writes here: nestjs-pino keeps the first app's destination. */
const logs = new LogCapture();
const messagesSince = (mark: number): string[] => logs.messages().slice(mark);

async function status(app: TestApp, key: string): Promise<number> {
  return (await app.http.get('/keys').set(...bearer(key))).status;
}

async function listKeys(app: TestApp, key: string): Promise<KeyView[]> {
  return (await app.http.get('/keys').set(...bearer(key))).body.data as KeyView[];
}

/** Several restarts of the app on one data dir: each opens PGlite and migrates it again. */
const RESTARTS_TIMEOUT_MS = 120_000;

describe('EDGERUNNER_API_KEY across restarts on one data dir', () => {
  let dataDir: string;
  let app: TestApp | undefined;
  const start = async (apiKey: string): Promise<TestApp> => {
    app = await startTestApp({ dataDir, logs, env: { EDGERUNNER_API_KEY: apiKey } });
    return app;
  };
  const restart = async (apiKey: string): Promise<TestApp> => {
    await app?.close();
    return start(apiKey);
  };

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'edgerunner-rotation-'));
  });
  afterEach(async () => {
    await app?.close();
    app = undefined;
    await rm(dataDir, { recursive: true, force: true });
  });

  it(
    'replaces the stored key with a new one: the new key works, the old one is refused, and the log says so',
    async () => {
      let t = await start(KEY_A);
      expect(await status(t, KEY_A)).toBe(200);
      const created = await t.http
        .post('/keys')
        .set(...bearer(KEY_A))
        .send({ name: 'ui', scopes: ['read'] });
      const uiKey = (created.body.data as { key: string }).key;

      const mark = logs.messages().length;
      t = await restart(KEY_B);
      expect(await status(t, KEY_B)).toBe(200);
      expect(await status(t, KEY_A)).toBe(401);
      // The data dir's pepper survived the restart: a key created before it still verifies.
      expect((await t.http.get('/positions').set(...bearer(uiKey))).status).toBe(200);
      expect(messagesSince(mark)).toContainEqual(
        'EDGERUNNER_API_KEY holds a new key: it replaces the stored admin API key key_env_admin, and the previous key no longer works',
      );
      for (const key of [KEY_A, KEY_B, uiKey]) expect(logs.text()).not.toContain(key);

      // The same key again changes nothing and says nothing about the key.
      const quiet = logs.messages().length;
      t = await restart(KEY_B);
      expect(await status(t, KEY_B)).toBe(200);
      expect(messagesSince(quiet).filter((message) => message.includes('EDGERUNNER_API_KEY'))).toEqual([]);
    },
    RESTARTS_TIMEOUT_MS,
  );

  it(
    'keeps a revoked environment key revoked across restarts, with a warning, until the variable changes',
    async () => {
      let t = await start(KEY_A);
      const revoked = await t.http.delete('/keys/key_env_admin').set(...bearer(KEY_A));
      expect(revoked.status).toBe(200);
      expect(await status(t, KEY_A)).toBe(401);

      const mark = logs.messages().length;
      t = await restart(KEY_A);
      expect(await status(t, KEY_A)).toBe(401);
      expect(messagesSince(mark)).toContainEqual(
        expect.stringMatching(/holds the admin API key key_env_admin revoked at .*: it stays revoked/),
      );
      const warnings = logs.entries().filter((entry) => String(entry.msg).includes('stays revoked'));
      expect(warnings.at(-1)?.level).toBe(40); // pino's warn

      const restoredMark = logs.messages().length;
      t = await restart(KEY_C);
      expect(await status(t, KEY_C)).toBe(200);
      expect(await status(t, KEY_A)).toBe(401);
      expect(messagesSince(restoredMark)).toContainEqual(
        expect.stringMatching(/holds a new key: the admin API key key_env_admin, revoked at .*, is restored/),
      );
      expect((await listKeys(t, KEY_C)).find((key) => key.id === 'key_env_admin')?.revokedAt).toBeNull();
    },
    RESTARTS_TIMEOUT_MS,
  );

  it(
    'lists er_ and four characters of a generated key, and nothing of a chosen one',
    async () => {
      const t = await start('er_chosen-by-ops-looks-generated-0123456789');
      const created = await t.http
        .post('/keys')
        .set(...bearer('er_chosen-by-ops-looks-generated-0123456789'))
        .send({ name: 'ui', scopes: ['read'] });
      const { id, key, prefix } = created.body.data as { id: string; key: string; prefix: string };
      expect(prefix).toBe(key.slice(0, 7));
      expect(prefix).toMatch(/^er_[A-Za-z0-9_-]{4}$/);

      const listed = await t.http.get('/keys').set(...bearer('er_chosen-by-ops-looks-generated-0123456789'));
      const views = listed.body.data as KeyView[];
      expect(views.find((view) => view.id === id)?.prefix).toBe(prefix);
      // A chosen key, even one shaped like a generated key, shows none of its characters.
      expect(views.find((view) => view.id === 'key_env_admin')?.prefix).toBeNull();
      expect(listed.text).not.toContain('er_chos');

      const docs = (await t.http.get('/docs-json')).body as {
        components: { schemas: Record<string, { properties: Record<string, Record<string, unknown>> }> };
      };
      expect(docs.components.schemas.ApiKeyView?.properties.prefix).toEqual(
        expect.objectContaining({
          nullable: true,
          description: expect.stringMatching(/null for a key someone chose/),
        }),
      );
    },
    RESTARTS_TIMEOUT_MS,
  );

  it(
    'upgrades a data dir from before the pepper: its SHA-256 keys still work and are rehashed',
    async () => {
      const uiKey = 'er_generated-before-the-pepper-existed-0123456';
      await seedDataDirBeforeThePepper(dataDir, [
        { id: 'key_env_admin', name: 'EDGERUNNER_API_KEY', scopes: ['admin'], key: KEY_A },
        { id: 'key_old_ui', name: 'old ui', scopes: ['read'], key: uiKey },
      ]);
      const mark = logs.messages().length;
      const t = await start(KEY_A);
      const pepper = (await readFile(join(dataDir, 'api-key.pepper'), 'utf8')).trim();
      const hmac = (key: string) => createHmac('sha256', pepper).update(key).digest('hex');

      // The environment key is rehashed at start-up and loses the characters stored of it.
      expect(messagesSince(mark)).toContainEqual(
        'Rehashed the admin API key key_env_admin from SHA-256 to HMAC-SHA256',
      );
      const views = await listKeys(t, KEY_A);
      expect(views.find((view) => view.id === 'key_env_admin')?.prefix).toBeNull();
      expect(views.find((view) => view.id === 'key_old_ui')?.prefix).toBe('er_gene');
      expect(await storedHash(t, 'key_env_admin')).toEqual({ hash: hmac(KEY_A), scheme: 'hmac-sha256' });

      // Any other key on its first use.
      expect(await storedHash(t, 'key_old_ui')).toEqual({ hash: sha256(uiKey), scheme: 'sha256' });
      expect((await t.http.get('/positions').set(...bearer(uiKey))).status).toBe(200);
      expect(await storedHash(t, 'key_old_ui')).toEqual({ hash: hmac(uiKey), scheme: 'hmac-sha256' });
      expect(messagesSince(mark)).toContainEqual(
        'Rehashed API key key_old_ui from SHA-256 to HMAC-SHA256 on its first use',
      );
      expect((await t.http.get('/positions').set(...bearer(`${uiKey}x`))).status).toBe(401);
    },
    RESTARTS_TIMEOUT_MS,
  );
});

const postgresAvailable = await serviceAvailable('PostgreSQL', TEST_DATABASE_URL);

(postgresAvailable ? describe : describe.skip)('replicas on one PostgreSQL starting at once', () => {
  const pepper = 'replicas-of-this-test-share-this-pepper-01';
  let apps: TestApp[] = [];
  let database: Awaited<ReturnType<typeof postgres.create>>;
  const replica = (apiKey: string) =>
    startTestApp({
      logs,
      env: { ...database.env, EDGERUNNER_KEY_PEPPER: pepper, EDGERUNNER_API_KEY: apiKey },
    });

  beforeEach(async () => {
    database = await postgres.create();
    await (await replica(KEY_A)).close();
  });
  afterEach(async () => {
    await Promise.all(apps.map((app) => app.close()));
    apps = [];
    await database.drop();
  });

  it('agree on a new EDGERUNNER_API_KEY: one replaces the stored key, every one accepts only the new key', async () => {
    const mark = logs.messages().length;
    apps = await Promise.all([replica(KEY_B), replica(KEY_B), replica(KEY_B)]);
    for (const app of apps) {
      expect(await status(app, KEY_B)).toBe(200);
      expect(await status(app, KEY_A)).toBe(401);
    }
    const replaced = messagesSince(mark).filter((message) =>
      message.includes('it replaces the stored admin'),
    );
    expect(replaced).toHaveLength(1);
    expect(await listKeys(apps[0] as TestApp, KEY_B)).toEqual([
      expect.objectContaining({ id: 'key_env_admin', prefix: null, revokedAt: null }),
    ]);
  });

  it('decide on the row as the replica before them left it, not as they first read it', async () => {
    // Another replica is in the middle of replacing the key: it holds the row's lock.
    const other = new pg.Client({ connectionString: database.env.DATABASE_URL });
    await other.connect();
    await other.query('begin');
    await other.query("select * from api_keys where id = 'key_env_admin' for update");
    const mark = logs.messages().length;
    const starting = Promise.all([replica(KEY_B), replica(KEY_B), replica(KEY_B)]);
    // Asked outside that transaction: inside one, PostgreSQL serves pg_stat_activity from a snapshot.
    const watcher = new pg.Client({ connectionString: database.env.DATABASE_URL });
    await watcher.connect();
    await waitFor(async () => {
      const { rows } = await watcher.query<{ waiting: string }>(
        "select count(*) as waiting from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
      );
      return Number(rows[0]?.waiting) === 3;
    });
    await watcher.end();
    await other.query(
      "update api_keys set hash = $1, hash_scheme = 'hmac-sha256' where id = 'key_env_admin'",
      [createHmac('sha256', pepper).update(KEY_B).digest('hex')],
    );
    await other.query('commit');
    await other.end();

    apps = await starting;
    for (const app of apps) expect(await status(app, KEY_B)).toBe(200);
    expect(messagesSince(mark).filter((message) => message.includes('EDGERUNNER_API_KEY holds'))).toEqual([]);
  });
});

async function waitFor(condition: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('timed out waiting for the replicas to queue on the row lock');
}

const sha256 = (key: string): string => createHash('sha256').update(key).digest('hex');

/** The stored hash and scheme of a key, read through the app's own database. */
async function storedHash(app: TestApp, id: string): Promise<{ hash: string; scheme: string }> {
  const result = await app.app
    .get<Database>(DATABASE)
    .execute(sql`select hash, hash_scheme as scheme from api_keys where id = ${id}`);
  return (result as { rows: { hash: string; scheme: string }[] }).rows[0] ?? { hash: '', scheme: '' };
}

/**
 * A data dir as the release before the pepper left it: the database migrated to 0001 only, with keys
 * stored as bare SHA-256 and their first seven characters as prefix.
 */
async function seedDataDirBeforeThePepper(
  dataDir: string,
  keys: { id: string; name: string; scopes: string[]; key: string }[],
): Promise<void> {
  const migrations = await mkdtemp(join(tmpdir(), 'edgerunner-migrations-'));
  await mkdir(join(migrations, 'meta'));
  const journal = JSON.parse(await readFile(join(MIGRATIONS, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
  const before = journal.entries.slice(
    0,
    journal.entries.findIndex((entry) => entry.tag === '0002_api_key_hmac'),
  );
  for (const { tag } of before)
    await copyFile(join(MIGRATIONS, `${tag}.sql`), join(migrations, `${tag}.sql`));
  await writeFile(join(migrations, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: before }));
  const client = new PGlite(join(dataDir, 'pglite'));
  await migrate(drizzle(client), { migrationsFolder: migrations });
  for (const { id, name, scopes, key } of keys)
    await client.query(
      'insert into api_keys (id, name, scopes, hash, prefix, created_at) values ($1, $2, $3, $4, $5, now())',
      [id, name, scopes, sha256(key), key.slice(0, 7)],
    );
  await client.close();
  await rm(migrations, { recursive: true, force: true });
}
