import { createHash } from 'node:crypto';
import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { eq } from 'drizzle-orm';
import { ConfigurationError } from '../config/configuration-error.js';
import type { ServerConfig } from '../config/configuration.js';
import { apiKeyPepper, apiKeys } from '../persistence/schema/index.js';
import { ApiKeyBootstrap } from './api-key-bootstrap.js';
import { ApiKeyService } from './api-key.service.js';
import {
  configWith,
  hasherWith,
  SPEC_PEPPER,
  startAuthSpecKit,
  type AuthSpecKit,
} from './testing/auth-spec-kit.js';

const KEY_A = 'key-a-chosen-by-the-operator-0001';
const KEY_B = 'key-b-chosen-by-the-operator-0002';
const KEY_C = 'key-c-chosen-by-the-operator-0003';

describe('ApiKeyBootstrap', () => {
  let kit: AuthSpecKit;
  let logged: string[];
  let warned: string[];

  /** One start of the process: a fresh key service (nothing cached) and its bootstrap. */
  async function start(server: Partial<ServerConfig>): Promise<ApiKeyService> {
    const hasher = await hasherWith(server);
    const keys = new ApiKeyService(kit.store, hasher);
    await new ApiKeyBootstrap(kit.store, hasher, keys, configWith(server)).onApplicationBootstrap();
    return keys;
  }
  const envRow = async () =>
    (await kit.database.db.select().from(apiKeys).where(eq(apiKeys.id, 'key_env_admin')))[0];

  beforeAll(async () => {
    kit = await startAuthSpecKit();
  });
  afterAll(() => kit.database.close());
  beforeEach(async () => {
    await kit.database.db.delete(apiKeys);
    await kit.database.db.delete(apiKeyPepper);
    logged = [];
    warned = [];
    jest.spyOn(Logger.prototype, 'log').mockImplementation((message) => void logged.push(String(message)));
    jest.spyOn(Logger.prototype, 'warn').mockImplementation((message) => void warned.push(String(message)));
  });
  afterEach(() => jest.restoreAllMocks());

  it('seeds the admin key from EDGERUNNER_API_KEY and leaves it be on a restart with the same key', async () => {
    const keys = await start({ apiKey: KEY_A });
    expect(await keys.authenticate(KEY_A)).toEqual({
      id: 'key_env_admin',
      name: 'EDGERUNNER_API_KEY',
      scopes: ['admin'],
    });
    expect(await envRow()).toEqual(expect.objectContaining({ prefix: null, hashScheme: 'hmac-sha256' }));
    expect(logged).toEqual(['Seeded the admin API key key_env_admin from EDGERUNNER_API_KEY']);
    const before = await envRow();
    logged = [];
    await start({ apiKey: KEY_A });
    expect(await envRow()).toEqual(before);
    expect([...logged, ...warned]).toEqual([]);
  });

  it('replaces the stored key when the variable changes: the new key works, the old one stops', async () => {
    await start({ apiKey: KEY_A });
    const keys = await start({ apiKey: KEY_B });
    expect(await keys.authenticate(KEY_B)).toEqual(expect.objectContaining({ id: 'key_env_admin' }));
    expect(await keys.authenticate(KEY_A)).toBeUndefined();
    expect(logged).toContainEqual(expect.stringMatching(/holds a new key: it replaces .* no longer works/));
    expect([...logged, ...warned].join('\n')).not.toMatch(/key-[abc]-chosen/);
  });

  it('keeps a revoked key revoked across restarts, saying so, and restores access with a new key', async () => {
    const first = await start({ apiKey: KEY_A });
    const { revokedAt } = await first.revoke('key_env_admin');
    const restarted = await start({ apiKey: KEY_A });
    expect(await restarted.authenticate(KEY_A)).toBeUndefined();
    expect((await envRow())?.revokedAt?.toISOString()).toBe(revokedAt);
    expect(warned).toEqual([
      `EDGERUNNER_API_KEY holds the admin API key key_env_admin revoked at ${revokedAt}: it stays revoked; ` +
        'set EDGERUNNER_API_KEY to a new key to restore admin access through it',
    ]);
    warned = [];
    const rotated = await start({ apiKey: KEY_C });
    expect(await rotated.authenticate(KEY_C)).toEqual(expect.objectContaining({ id: 'key_env_admin' }));
    expect(await rotated.authenticate(KEY_A)).toBeUndefined();
    expect(warned).toEqual([
      `EDGERUNNER_API_KEY holds a new key: the admin API key key_env_admin, revoked at ${revokedAt}, is restored with it`,
    ]);
  });

  it('rehashes a legacy SHA-256 environment key at start-up, revoked or not', async () => {
    const legacy = {
      id: 'key_env_admin',
      name: 'EDGERUNNER_API_KEY',
      scopes: ['admin'],
      hash: createHash('sha256').update(KEY_A).digest('hex'),
      prefix: null,
      createdAt: new Date('2026-01-01T00:00:00.000Z'),
    };
    await kit.database.db.insert(apiKeys).values(legacy);
    const keys = await start({ apiKey: KEY_A });
    const hmac = (await hasherWith()).hash(KEY_A);
    expect(await envRow()).toEqual(expect.objectContaining({ hash: hmac, hashScheme: 'hmac-sha256' }));
    expect(await keys.authenticate(KEY_A)).toBeDefined();
    expect(logged).toContain('Rehashed the admin API key key_env_admin from SHA-256 to HMAC-SHA256');

    await kit.database.db.delete(apiKeys);
    await kit.database.db
      .insert(apiKeys)
      .values({ ...legacy, revokedAt: new Date('2026-02-01T00:00:00.000Z') });
    const stillRevoked = await start({ apiKey: KEY_A });
    expect(await envRow()).toEqual(expect.objectContaining({ hash: hmac, hashScheme: 'hmac-sha256' }));
    expect(await stillRevoked.authenticate(KEY_A)).toBeUndefined();
  });

  it('refuses to start with a pepper other than the one the stored keys were hashed with', async () => {
    await start({ apiKey: KEY_A });
    const other = start({ apiKey: KEY_A, keyPepper: `${SPEC_PEPPER}-another-replica` });
    await expect(other).rejects.toThrow(ConfigurationError);
    await expect(start({ apiKey: KEY_B, keyPepper: `${SPEC_PEPPER}-x` })).rejects.toThrow(
      /API key pepper \(EDGERUNNER_KEY_PEPPER\) is not the one this database's API keys are hashed with/,
    );
    // Refused before touching a key: the stored one still works with the right pepper.
    expect(await (await start({ apiKey: KEY_A })).authenticate(KEY_A)).toBeDefined();
  });

  it('refuses an EDGERUNNER_API_KEY that is the key of another row', async () => {
    const keys = await start({ apiKey: KEY_A });
    const { record, key } = await keys.create('ui', ['read']);
    await expect(start({ apiKey: key })).rejects.toThrow(
      `EDGERUNNER_API_KEY: holds the key of ${record.id} ("ui"); give it a key of its own`,
    );
    expect(await keys.authenticate(KEY_A)).toBeDefined();
  });

  it('creates and prints an admin key on a first start without EDGERUNNER_API_KEY, and only then', async () => {
    const printed: string[] = [];
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => printed.push(String(chunk)) > 0);
    const keys = await start({ apiKey: undefined, dataDir: '/srv/edgerunner' });
    const key = /\n {2}(er_[A-Za-z0-9_-]{43})\n/.exec(printed.join(''))?.[1] ?? '';
    expect(await keys.authenticate(key)).toEqual(expect.objectContaining({ scopes: ['admin'] }));
    expect(printed.join('')).toContain('only its hash is kept in /srv/edgerunner');
    expect(logged.join('\n')).not.toContain(key);
    printed.length = 0;
    await start({ apiKey: undefined });
    expect(printed).toEqual([]);
  });
});
