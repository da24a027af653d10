import { Injectable } from '@nestjs/common';
import { asc, eq } from 'drizzle-orm';
import type { ApiKeyRecord } from '../../auth/api-key-record.js';
import type { ApiKeyScope } from '../../auth/api-key-scope.js';
import { ApiKeyStore } from '../../auth/api-key.store.js';
import { InjectDatabase, type Database } from '../database.js';
import { apiKeys } from '../schema/index.js';

type ApiKeyRow = typeof apiKeys.$inferSelect;

function toRecord(row: ApiKeyRow): ApiKeyRecord {
  return {
    ...row,
    scopes: row.scopes as ApiKeyScope[],
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
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

  async findByHash(hash: string): Promise<ApiKeyRecord | undefined> {
    const [row] = await this.db.select().from(apiKeys).where(eq(apiKeys.hash, hash)).limit(1);
    return row ? toRecord(row) : undefined;
  }

  async insert(record: ApiKeyRecord): Promise<void> {
    await this.db
      .insert(apiKeys)
      .values({
        ...record,
        scopes: [...record.scopes],
        createdAt: new Date(record.createdAt),
        revokedAt: null,
      })
      // Two replicas seeding the same EDGERUNNER_API_KEY at once: one row is enough.
      .onConflictDoNothing();
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
}
