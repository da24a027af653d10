import { Injectable } from '@nestjs/common';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { InjectDatabase, type Database } from '../persistence/database.js';
import { webhookAlerts, webhooks } from '../persistence/schema/index.js';
import type { AlertClaim, WebhookAlertRecord, WebhookRecord } from './webhook-record.js';
import { WebhookRepository } from './webhook.repository.js';

type WebhookRow = typeof webhooks.$inferSelect;
type WebhookAlertRow = typeof webhookAlerts.$inferSelect;

function toRecord(row: WebhookRow): WebhookRecord {
  return {
    ...row,
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

function toAlertRecord(row: WebhookAlertRow): WebhookAlertRecord {
  return { ...row, receivedAt: row.receivedAt.toISOString() };
}

/** Webhooks on PostgreSQL (PGlite or a server). */
@Injectable()
export class DrizzleWebhookRepository extends WebhookRepository {
  constructor(@InjectDatabase() private readonly db: Database) {
    super();
  }

  async insert(record: WebhookRecord): Promise<void> {
    await this.db.insert(webhooks).values({
      ...record,
      symbols: [...record.symbols],
      createdAt: new Date(record.createdAt),
      revokedAt: record.revokedAt === null ? null : new Date(record.revokedAt),
    });
  }

  async list(): Promise<WebhookRecord[]> {
    const rows = await this.db.select().from(webhooks).orderBy(asc(webhooks.createdAt), asc(webhooks.id));
    return rows.map(toRecord);
  }

  async findById(id: string): Promise<WebhookRecord | undefined> {
    const [row] = await this.db.select().from(webhooks).where(eq(webhooks.id, id));
    return row === undefined ? undefined : toRecord(row);
  }

  async revoke(id: string, at: Date): Promise<WebhookRecord | undefined> {
    await this.db
      .update(webhooks)
      .set({ revokedAt: at })
      .where(and(eq(webhooks.id, id), isNull(webhooks.revokedAt)));
    return this.findById(id);
  }

  async claimAlert(webhookId: string, alertId: string, at: Date): Promise<AlertClaim> {
    const inserted = await this.db
      .insert(webhookAlerts)
      .values({ webhookId, alertId, receivedAt: at, orderId: null })
      .onConflictDoNothing()
      .returning({ alertId: webhookAlerts.alertId });
    if (inserted.length === 1) return { claimed: true };
    const [first] = await this.db
      .select()
      .from(webhookAlerts)
      .where(and(eq(webhookAlerts.webhookId, webhookId), eq(webhookAlerts.alertId, alertId)));
    // The conflicting row cannot vanish: alert rows are deleted only with their webhook, which is never.
    if (first === undefined)
      throw new Error(`alert ${alertId} of webhook ${webhookId} conflicted but is gone`);
    return { claimed: false, first: toAlertRecord(first) };
  }

  async recordAlertOrder(webhookId: string, alertId: string, orderId: string): Promise<void> {
    await this.db
      .update(webhookAlerts)
      .set({ orderId })
      .where(and(eq(webhookAlerts.webhookId, webhookId), eq(webhookAlerts.alertId, alertId)));
  }
}
