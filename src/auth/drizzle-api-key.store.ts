import { Injectable } from '@nestjs/common';
import { and, asc, eq, or } from 'drizzle-orm';
import { InjectDatabase, type Database } from '../persistence/database.js';
import { apiKeyPepper, apiKeys } from '../persistence/schema/index.js';
import type { ApiKeyHashes } from './api-key-hasher.js';
import type { ApiKeyHashScheme, ApiKeyRecord } from './api-key-record.js';
import type { ApiKeyScope } from './api-key-scope.js';
import { ApiKeyStore, type ApiKeyChange } from './api-key.store.js';

type ApiKeyRow = typeof apiKeys.$inferSelect;
type NewApiKeyRow = typeof apiKeys.$inferInsert;

/** The one row of api_key_pepper. */
const PEPPER_ROW = 'current';

function toRecord(row: ApiKeyRow): ApiKeyRecord {
  return {
    ...row,
    scopes: row.scopes as ApiKeyScope[],
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

const instantOrNull = (at: string | null): Date | null => (at === null ? null : new Date(at));

function toRow(record: ApiKeyRecord): NewApiKeyRow {
  return {
    ...record,
    scopes: [...record.scopes],
    createdAt: new Date(record.createdAt),
    revokedAt: instantOrNull(record.revokedAt),
  };
}

function toColumns(change: ApiKeyChange): Partial<NewApiKeyRow> {
  const { scopes, createdAt, revokedAt, ...rest } = change;
  return {
    ...rest,
    ...(scopes ? { scopes: [...scopes] } : {}),
    ...(createdAt !== undefined ? { createdAt: new Date(createdAt) } : {}),
    ...(revokedAt !== undefined ? { revokedAt: instantOrNull(revokedAt) } : {}),
  };
}

@Injectable()
export class DrizzleApiKeyStore extends ApiKeyStore {
  constructor(@InjectDatabase() private readonly db: Database) {
    super();
  }

  async list(): Promise<ApiKeyRecord[]> {
    return (await this.db.select().from(apiKeys).orderBy(asc(apiKeys.createdAt))).map(toRecord);
  }

  async findByHashes(hashes: ApiKeyHashes): Promise<ApiKeyRecord | undefined> {
    const under = (scheme: ApiKeyHashScheme) =>
      and(eq(apiKeys.hash, hashes[scheme]), eq(apiKeys.hashScheme, scheme));
    const [row] = await this.db
      .select()
      .from(apiKeys)
      .where(or(under('hmac-sha256'), under('sha256')))
      .limit(1);
    return row ? toRecord(row) : undefined;
  }

  async insert(record: ApiKeyRecord): Promise<void> {
    await this.db.insert(apiKeys).values(toRow(record));
  }

  async upsert(
    record: ApiKeyRecord,
    reconcile: (stored: ApiKeyRecord) => ApiKeyChange | undefined,
  ): Promise<ApiKeyRecord | undefined> {
    return this.db.transaction(async (tx) => {
      // Waits for a replica inserting the same id, then yields to it; the lock below orders the rest.
      const inserted = await tx
        .insert(apiKeys)
        .values(toRow(record))
        .onConflictDoNothing({ target: apiKeys.id })
        .returning({ id: apiKeys.id });
      if (inserted.length > 0) return undefined;
      const [row] = await tx.select().from(apiKeys).where(eq(apiKeys.id, record.id)).for('update');
      if (!row) throw new Error(`API key ${record.id} conflicted on insert but cannot be read`);
      const stored = toRecord(row);
      const change = reconcile(stored);
      if (change) await tx.update(apiKeys).set(toColumns(change)).where(eq(apiKeys.id, record.id));
      return stored;
    });
  }

  async rehash(
    id: string,
    from: string,
    to: { readonly hash: string; readonly hashScheme: ApiKeyHashScheme },
  ): Promise<boolean> {
    const updated = await this.db
      .update(apiKeys)
      .set(to)
      .where(and(eq(apiKeys.id, id), eq(apiKeys.hash, from)))
      .returning({ id: apiKeys.id });
    return updated.length > 0;
  }

  async revoke(id: string, at: string): Promise<ApiKeyRecord | undefined> {
    const [current] = await this.db.select().from(apiKeys).where(eq(apiKeys.id, id)).limit(1);
    if (!current) return undefined;
    if (current.revokedAt) return toRecord(current);
    const [row] = await this.db
      .update(apiKeys)
      .set({ revokedAt: new Date(at) })
      .where(eq(apiKeys.id, id))
      .returning();
    return row ? toRecord(row) : undefined;
  }

  async claimPepperFingerprint(fingerprint: string, at: string): Promise<string> {
    await this.db
      .insert(apiKeyPepper)
      .values({ id: PEPPER_ROW, fingerprint, createdAt: new Date(at) })
      .onConflictDoNothing({ target: apiKeyPepper.id });
    const [row] = await this.db.select().from(apiKeyPepper).where(eq(apiKeyPepper.id, PEPPER_ROW));
    if (!row) throw new Error('api_key_pepper holds no fingerprint after recording one');
    return row.fingerprint;
  }
}
