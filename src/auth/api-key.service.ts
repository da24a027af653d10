import { Subject, type Observable } from 'rxjs';
import { randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { NotFoundError } from '../common/errors/app-error.js';
import { generateApiKey, generatedKeyPrefix } from './generated-api-key.js';
import { ApiKeyHasher } from './api-key-hasher.js';
import type { ApiKeyPrincipal, ApiKeyRecord } from './api-key-record.js';
import type { ApiKeyScope } from './api-key-scope.js';
import { ApiKeyStore } from './api-key.store.js';

/**
 * How long a verified key is trusted without asking the database again. A revocation takes effect at
 * once on the replica that made it and within this time on the others.
 */
const VERIFIED_KEY_TTL_MS = 5_000;

export interface CreatedApiKey {
  readonly record: ApiKeyRecord;
  /** The secret itself: shown once, never stored. */
  readonly key: string;
}

@Injectable()
export class ApiKeyService {
  private readonly logger = new Logger(ApiKeyService.name);
  /** Verified keys by their HMAC: the same pepper-keyed hash the database holds, never a bare digest. */
  private readonly verified = new Map<string, { principal: ApiKeyPrincipal; until: number }>();
  private readonly revokedKeys = new Subject<string>();
  /** Ids of keys revoked by this process: holders of long-lived connections (the stream) cut them. */
  readonly revocations: Observable<string> = this.revokedKeys.asObservable();

  constructor(
    private readonly store: ApiKeyStore,
    private readonly hasher: ApiKeyHasher,
  ) {}

  async authenticate(key: string): Promise<ApiKeyPrincipal | undefined> {
    const hash = this.hasher.hash(key);
    const cached = this.verified.get(hash);
    if (cached && cached.until > Date.now()) return cached.principal;
    // The bare digest of keys stored before the pepper is only worth computing when the cache misses.
    const record = await this.store.findByHashes(this.hasher.hashes(key));
    if (!record || record.revokedAt !== null) {
      this.verified.delete(hash);
      return undefined;
    }
    if (record.hashScheme === 'sha256') await this.upgrade(record, hash);
    const principal = { id: record.id, name: record.name, scopes: record.scopes };
    this.verified.set(hash, { principal, until: Date.now() + VERIFIED_KEY_TTL_MS });
    return principal;
  }

  async create(name: string, scopes: readonly ApiKeyScope[]): Promise<CreatedApiKey> {
    const key = generateApiKey();
    const record: ApiKeyRecord = {
      id: `key_${randomBytes(8).toString('hex')}`,
      name,
      scopes: [...new Set(scopes)],
      hash: this.hasher.hash(key),
      hashScheme: 'hmac-sha256',
      prefix: generatedKeyPrefix(key),
      createdAt: new Date().toISOString(),
      revokedAt: null,
    };
    await this.store.insert(record);
    return { record, key };
  }

  list(): Promise<ApiKeyRecord[]> {
    return this.store.list();
  }

  async revoke(id: string): Promise<ApiKeyRecord> {
    const revoked = await this.store.revoke(id, new Date().toISOString());
    if (!revoked) throw new NotFoundError(`API key ${id} not found`);
    for (const [hash, { principal }] of this.verified) if (principal.id === id) this.verified.delete(hash);
    this.revokedKeys.next(revoked.id);
    return revoked;
  }

  /** A row from before the pepper, proven by its key just now: its bare SHA-256 gives way to the HMAC. */
  private async upgrade(record: ApiKeyRecord, hash: string): Promise<void> {
    if (await this.store.rehash(record.id, record.hash, { hash, hashScheme: 'hmac-sha256' }))
      this.logger.log(`Rehashed API key ${record.id} from SHA-256 to HMAC-SHA256 on its first use`);
  }
}
