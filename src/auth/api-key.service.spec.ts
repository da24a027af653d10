import { createHash } from 'node:crypto';
import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { eq } from 'drizzle-orm';
import { apiKeys } from '../persistence/schema/index.js';
import { ApiKeyService } from './api-key.service.js';
import { startAuthSpecKit, type AuthSpecKit } from './testing/auth-spec-kit.js';

describe('ApiKeyService', () => {
  let kit: AuthSpecKit;
  let keys: ApiKeyService;
  const row = async (id: string) =>
    (await kit.database.db.select().from(apiKeys).where(eq(apiKeys.id, id)))[0];

  beforeAll(async () => {
    kit = await startAuthSpecKit();
  });
  afterAll(() => kit.database.close());
  beforeEach(() => {
    // A fresh process: nothing verified yet.
    keys = new ApiKeyService(kit.store, kit.hasher);
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('creates an er_ key stored as its HMAC, shown by er_ and four characters, and authenticates it', async () => {
    const { record, key } = await keys.create('ui', ['trade', 'trade']);
    expect(key).toMatch(/^er_[A-Za-z0-9_-]{43}$/);
    expect(record.prefix).toBe(key.slice(0, 7));
    expect(record.scopes).toEqual(['trade']);
    expect(await row(record.id)).toEqual(
      expect.objectContaining({
        hash: kit.hasher.hash(key),
        hashScheme: 'hmac-sha256',
        prefix: record.prefix,
      }),
    );
    expect(await keys.authenticate(key)).toEqual({ id: record.id, name: 'ui', scopes: ['trade'] });
    expect(await keys.authenticate(`${key}x`)).toBeUndefined();
  });

  it('accepts a legacy SHA-256 row once by its key, then holds only its HMAC', async () => {
    const key = 'er_a-key-stored-before-the-pepper-0123';
    const sha = createHash('sha256').update(key).digest('hex');
    await kit.database.db.insert(apiKeys).values({
      id: 'key_legacy',
      name: 'old ui',
      scopes: ['read'],
      hash: sha,
      prefix: 'er_a-ke',
      createdAt: new Date('2026-01-01T00:00:00.000Z'),
    });
    expect((await row('key_legacy'))?.hashScheme).toBe('sha256');
    expect(await keys.authenticate('er_not-that-key-at-all-0123456789')).toBeUndefined();
    expect((await row('key_legacy'))?.hash).toBe(sha);

    expect(await keys.authenticate(key)).toEqual({ id: 'key_legacy', name: 'old ui', scopes: ['read'] });
    expect(await row('key_legacy')).toEqual(
      expect.objectContaining({ hash: kit.hasher.hash(key), hashScheme: 'hmac-sha256' }),
    );
    expect(Logger.prototype.log).toHaveBeenCalledWith(
      'Rehashed API key key_legacy from SHA-256 to HMAC-SHA256 on its first use',
    );
    // A row holding the key's bare SHA-256 under the new scheme is not the key: schemes are not mixed.
    await kit.database.db
      .update(apiKeys)
      .set({ hash: sha, hashScheme: 'hmac-sha256' })
      .where(eq(apiKeys.id, 'key_legacy'));
    expect(await new ApiKeyService(kit.store, kit.hasher).authenticate(key)).toBeUndefined();
  });

  it('refuses a legacy row that is revoked, and does not rehash it', async () => {
    const key = 'er_a-revoked-key-from-before-the-pepper';
    const sha = createHash('sha256').update(key).digest('hex');
    await kit.database.db.insert(apiKeys).values({
      id: 'key_gone',
      name: 'gone',
      scopes: ['admin'],
      hash: sha,
      prefix: null,
      createdAt: new Date('2026-01-01T00:00:00.000Z'),
      revokedAt: new Date('2026-02-01T00:00:00.000Z'),
    });
    expect(await keys.authenticate(key)).toBeUndefined();
    expect((await row('key_gone'))?.hash).toBe(sha);
  });

  it('forgets a revoked key at once although it was just verified', async () => {
    const revocations: string[] = [];
    keys.revocations.subscribe((id) => revocations.push(id));
    const { record, key } = await keys.create('bot', ['read']);
    expect(await keys.authenticate(key)).toBeDefined();
    await keys.revoke(record.id);
    expect(await keys.authenticate(key)).toBeUndefined();
    expect(revocations).toEqual([record.id]);
    await expect(keys.revoke('key_nope')).rejects.toThrow('API key key_nope not found');
  });
});
