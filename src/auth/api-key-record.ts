import type { ApiKeyScope } from './api-key-scope.js';

/** How a stored hash was made: `sha256` rows predate the pepper and are rehashed on their first use. */
export type ApiKeyHashScheme = 'sha256' | 'hmac-sha256';

/** A stored API key: only a hash of the secret is kept. */
export interface ApiKeyRecord {
  readonly id: string;
  readonly name: string;
  readonly scopes: readonly ApiKeyScope[];
  readonly hash: string;
  readonly hashScheme: ApiKeyHashScheme;
  /**
   * `er_` and the first characters of a generated key's random part, so an operator can tell keys apart;
   * null for a key someone chose (EDGERUNNER_API_KEY), of which no character is ever shown.
   */
  readonly prefix: string | null;
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

/** Who is calling, attached to the request by the guard. */
export interface ApiKeyPrincipal {
  readonly id: string;
  readonly name: string;
  readonly scopes: readonly ApiKeyScope[];
}
