import type { ApiKeyHashes } from './api-key-hasher.js';
import type { ApiKeyHashScheme, ApiKeyRecord } from './api-key-record.js';

/** Fields a stored key may change. */
export type ApiKeyChange = Partial<Omit<ApiKeyRecord, 'id'>>;

/** Where API keys live. */
export abstract class ApiKeyStore {
  abstract list(): Promise<ApiKeyRecord[]>;
  /** The key whose row holds one of `hashes` under the scheme the row names. */
  abstract findByHashes(hashes: ApiKeyHashes): Promise<ApiKeyRecord | undefined>;
  abstract insert(record: ApiKeyRecord): Promise<void>;
  /**
   * Inserts `record` when no row has its id; otherwise locks that row, asks `reconcile` what to change,
   * and writes it, in one transaction, so replicas starting at once take turns and each decides on the
   * row as the previous one left it. Returns the row as found, or undefined when `record` was inserted.
   */
  abstract upsert(
    record: ApiKeyRecord,
    reconcile: (stored: ApiKeyRecord) => ApiKeyChange | undefined,
  ): Promise<ApiKeyRecord | undefined>;
  /** Replaces the hash `from` of key `id`; false when the row holds it no more (another replica won). */
  abstract rehash(
    id: string,
    from: string,
    to: { readonly hash: string; readonly hashScheme: ApiKeyHashScheme },
  ): Promise<boolean>;
  /** Marks a key revoked; returns the updated record, or undefined when the id is unknown. */
  abstract revoke(id: string, at: string): Promise<ApiKeyRecord | undefined>;
  /** Records `fingerprint` as the pepper's when none is yet; returns the one recorded. */
  abstract claimPepperFingerprint(fingerprint: string, at: string): Promise<string>;
}
