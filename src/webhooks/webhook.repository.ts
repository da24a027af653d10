import type { AlertClaim, WebhookRecord } from './webhook-record.js';

/** Where webhooks and the alert ids they have taken are kept. */
export abstract class WebhookRepository {
  abstract insert(record: WebhookRecord): Promise<void>;
  /** Oldest first. */
  abstract list(): Promise<WebhookRecord[]>;
  abstract findById(id: string): Promise<WebhookRecord | undefined>;
  /** Marks the webhook revoked (a second revoke keeps the first time); undefined when the id is unknown. */
  abstract revoke(id: string, at: Date): Promise<WebhookRecord | undefined>;
  /**
   * Takes `alertId` for the webhook in one statement, so of two deliveries racing only one is claimed;
   * the other gets the row the first wrote.
   */
  abstract claimAlert(webhookId: string, alertId: string, at: Date): Promise<AlertClaim>;
  /** Notes the order a claimed alert became. */
  abstract recordAlertOrder(webhookId: string, alertId: string, orderId: string): Promise<void>;
}
