import type { ApiKeyRecord } from './api-key-record.js';

/** Where API keys live. */
export abstract class ApiKeyStore {
  abstract list(): Promise<ApiKeyRecord[]>;
  abstract findByHash(hash: string): Promise<ApiKeyRecord | undefined>;
  abstract insert(record: ApiKeyRecord): Promise<void>;
  /** Marks a key revoked; returns the updated record, or undefined when the id is unknown. */
  abstract revoke(id: string, at: string): Promise<ApiKeyRecord | undefined>;
}
