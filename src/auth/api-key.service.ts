import { Subject, type Observable } from 'rxjs';
import { createHash, randomBytes } from 'node:crypto';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Configuration } from '../config/configuration.js';
import { NotFoundError } from '../common/errors/app-error.js';
import type { ApiKeyPrincipal, ApiKeyRecord } from './api-key-record.js';
import type { ApiKeyScope } from './api-key-scope.js';
import { ApiKeyStore } from './api-key.store.js';

const ENVIRONMENT_KEY_ID = 'key_env_admin';
/**
 * How long a verified key is trusted without asking the database again. A revocation takes effect at
 * once on the replica that made it and within this time on the others.
 */
const VERIFIED_KEY_TTL_MS = 5_000;

function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export interface CreatedApiKey {
  readonly record: ApiKeyRecord;
  /** The secret itself: shown once, never stored. */
  readonly key: string;
}

@Injectable()
export class ApiKeyService implements OnApplicationBootstrap {
  private readonly logger = new Logger(ApiKeyService.name);
  private readonly verified = new Map<string, { principal: ApiKeyPrincipal; until: number }>();
  private readonly revokedKeys = new Subject<string>();
  /** Ids of keys revoked by this process: holders of long-lived connections (the stream) cut them. */
  readonly revocations: Observable<string> = this.revokedKeys.asObservable();

  constructor(
    private readonly store: ApiKeyStore,
    private readonly config: ConfigService<Configuration, true>,
  ) {}

  /** Seeds the admin key from EDGERUNNER_API_KEY, or creates one on a first start and prints it once. */
  async onApplicationBootstrap(): Promise<void> {
    const { apiKey, dataDir } = this.config.get('server', { infer: true });
    if (apiKey) {
      if (!(await this.store.findByHash(hashKey(apiKey)))) {
        await this.store.insert(
          this.buildRecord(ENVIRONMENT_KEY_ID, 'EDGERUNNER_API_KEY', ['admin'], apiKey),
        );
      }
      return;
    }
    if ((await this.store.list()).some((record) => record.revokedAt === null)) return;
    const { key } = await this.create('bootstrap admin', ['admin']);
    // Printed, not logged: the one time this secret is shown, and it must stay out of log pipelines.
    process.stdout.write(
      `\nEdgerunner created an admin API key. It is shown once; only its hash is kept in ${dataDir}.\n\n  ${key}\n\n`,
    );
    this.logger.log('Created the bootstrap admin API key (printed to stdout once)');
  }

  async authenticate(key: string): Promise<ApiKeyPrincipal | undefined> {
    const hash = hashKey(key);
    const cached = this.verified.get(hash);
    if (cached && cached.until > Date.now()) return cached.principal;
    const record = await this.store.findByHash(hash);
    if (!record || record.revokedAt !== null) {
      this.verified.delete(hash);
      return undefined;
    }
    const principal = { id: record.id, name: record.name, scopes: record.scopes };
    this.verified.set(hash, { principal, until: Date.now() + VERIFIED_KEY_TTL_MS });
    return principal;
  }

  async create(name: string, scopes: readonly ApiKeyScope[]): Promise<CreatedApiKey> {
    const key = `er_${randomBytes(32).toString('base64url')}`;
    const record = this.buildRecord(`key_${randomBytes(8).toString('hex')}`, name, scopes, key);
    await this.store.insert(record);
    return { record, key };
  }

  list(): Promise<ApiKeyRecord[]> {
    return this.store.list();
  }

  async revoke(id: string): Promise<ApiKeyRecord> {
    const revoked = await this.store.revoke(id, new Date().toISOString());
    if (!revoked) throw new NotFoundError(`API key ${id} not found`);
    this.verified.delete(revoked.hash);
    this.revokedKeys.next(revoked.id);
    return revoked;
  }

  private buildRecord(id: string, name: string, scopes: readonly ApiKeyScope[], key: string): ApiKeyRecord {
    return {
      id,
      name,
      scopes: [...new Set(scopes)],
      hash: hashKey(key),
      prefix: key.slice(0, 7),
      createdAt: new Date().toISOString(),
      revokedAt: null,
    };
  }
}
