import type { ApiKeyScope } from './api-key-scope.js';

/** A stored API key: only the SHA-256 of the secret is kept. */
export interface ApiKeyRecord {
  readonly id: string;
  readonly name: string;
  readonly scopes: readonly ApiKeyScope[];
  readonly hash: string;
  /** First characters of the key, so an operator can tell keys apart without the secret. */
  readonly prefix: string;
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

/** Who is calling, attached to the request by the guard. */
export interface ApiKeyPrincipal {
  readonly id: string;
  readonly name: string;
  readonly scopes: readonly ApiKeyScope[];
}
