import type { ApiKeyHashes } from './api-key-hasher.js';
import type { ApiKeyRecord } from './api-key-record.js';
import { environmentKeyRecord, planEnvironmentKey } from './environment-key-plan.js';

const NOW = '2026-12-01T10:00:00.000Z';
const EARLIER = '2026-11-01T10:00:00.000Z';
const KEY_A: ApiKeyHashes = { 'hmac-sha256': 'hmac-of-a', sha256: 'sha-of-a' };
const KEY_B: ApiKeyHashes = { 'hmac-sha256': 'hmac-of-b', sha256: 'sha-of-b' };

function stored(fields: Partial<ApiKeyRecord> = {}): ApiKeyRecord {
  return { ...environmentKeyRecord(KEY_A, EARLIER), ...fields };
}

describe('planEnvironmentKey', () => {
  it('writes the environment key as an admin key with no prefix', () => {
    expect(environmentKeyRecord(KEY_B, NOW)).toEqual({
      id: 'key_env_admin',
      name: 'EDGERUNNER_API_KEY',
      scopes: ['admin'],
      hash: 'hmac-of-b',
      hashScheme: 'hmac-sha256',
      prefix: null,
      createdAt: NOW,
      revokedAt: null,
    });
  });

  it('leaves the row alone when the variable holds the stored key', () => {
    expect(planEnvironmentKey(stored(), KEY_A, NOW)).toEqual({ outcome: 'unchanged', change: undefined });
  });

  it('replaces the stored key with a new one, dated now', () => {
    expect(planEnvironmentKey(stored(), KEY_B, NOW)).toEqual({
      outcome: 'replaced',
      change: expect.objectContaining({
        hash: 'hmac-of-b',
        hashScheme: 'hmac-sha256',
        createdAt: NOW,
        revokedAt: null,
      }),
    });
  });

  it('keeps a revoked key revoked while the variable holds it', () => {
    expect(planEnvironmentKey(stored({ revokedAt: EARLIER }), KEY_A, NOW)).toEqual({
      outcome: 'stays-revoked',
      change: undefined,
    });
  });

  it('restores admin access when the variable of a revoked key changes', () => {
    const plan = planEnvironmentKey(stored({ revokedAt: EARLIER }), KEY_B, NOW);
    expect(plan.outcome).toBe('restored');
    expect(plan.change).toEqual(expect.objectContaining({ hash: 'hmac-of-b', revokedAt: null }));
  });

  it('recognises a legacy SHA-256 row of the same key and rehashes it, revoked or not', () => {
    const legacy = { hash: 'sha-of-a', hashScheme: 'sha256' } as const;
    const rehash = { hash: 'hmac-of-a', hashScheme: 'hmac-sha256' };
    expect(planEnvironmentKey(stored(legacy), KEY_A, NOW)).toEqual({ outcome: 'rehashed', change: rehash });
    expect(planEnvironmentKey(stored({ ...legacy, revokedAt: EARLIER }), KEY_A, NOW)).toEqual({
      outcome: 'stays-revoked',
      change: rehash,
    });
  });

  it('replaces a legacy SHA-256 row of another key', () => {
    const plan = planEnvironmentKey(stored({ hash: 'sha-of-a', hashScheme: 'sha256' }), KEY_B, NOW);
    expect(plan).toEqual({ outcome: 'replaced', change: expect.objectContaining({ hash: 'hmac-of-b' }) });
  });
});
