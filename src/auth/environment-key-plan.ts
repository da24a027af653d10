import type { ApiKeyHashes } from './api-key-hasher.js';
import type { ApiKeyRecord } from './api-key-record.js';
import type { ApiKeyChange } from './api-key.store.js';

/** The row EDGERUNNER_API_KEY seeds: one, whichever key the variable holds. */
export const ENVIRONMENT_KEY_ID = 'key_env_admin';
export const ENVIRONMENT_KEY_NAME = 'EDGERUNNER_API_KEY';

/** Every field of the environment key's row for the key `hashes` came from; a chosen key shows no prefix. */
function environmentKeyFields(hashes: ApiKeyHashes, now: string): Required<ApiKeyChange> {
  return {
    name: ENVIRONMENT_KEY_NAME,
    scopes: ['admin'],
    hash: hashes['hmac-sha256'],
    hashScheme: 'hmac-sha256',
    prefix: null,
    createdAt: now,
    revokedAt: null,
  };
}

/** The environment key's row as a first start writes it. */
export function environmentKeyRecord(hashes: ApiKeyHashes, now: string): ApiKeyRecord {
  return { id: ENVIRONMENT_KEY_ID, ...environmentKeyFields(hashes, now) };
}

export type EnvironmentKeyOutcome =
  /** The variable holds the stored key. */
  | 'unchanged'
  /** It holds the stored key, whose legacy SHA-256 is now an HMAC. */
  | 'rehashed'
  /** It holds a new key: the previous one stops working. */
  | 'replaced'
  /** It holds a new key and the stored one was revoked: admin access through the variable is back. */
  | 'restored'
  /** It holds the key that was revoked: a revocation outlives restarts. */
  | 'stays-revoked';

export interface EnvironmentKeyPlan {
  readonly outcome: EnvironmentKeyOutcome;
  /** What to write to the row; undefined leaves it as it is. */
  readonly change: ApiKeyChange | undefined;
}

/**
 * What a start-up does to the stored environment key, given the key the variable holds now: the
 * variable is the operator's way in, so a new key replaces the stored one (and lifts its revocation),
 * while the same key keeps the row's state, revoked included.
 */
export function planEnvironmentKey(
  stored: ApiKeyRecord,
  hashes: ApiKeyHashes,
  now: string,
): EnvironmentKeyPlan {
  const current = { hash: hashes['hmac-sha256'], hashScheme: 'hmac-sha256' } as const;
  if (stored.hash !== hashes[stored.hashScheme]) {
    const outcome = stored.revokedAt === null ? 'replaced' : 'restored';
    return { outcome, change: environmentKeyFields(hashes, now) };
  }
  const rehash = stored.hashScheme === 'hmac-sha256' ? undefined : current;
  if (stored.revokedAt !== null) return { outcome: 'stays-revoked', change: rehash };
  return { outcome: rehash ? 'rehashed' : 'unchanged', change: rehash };
}
