/** A stored webhook: only a hash of its secret is kept. Times are UTC ISO 8601. */
export interface WebhookRecord {
  readonly id: string;
  readonly name: string;
  /** The account its alerts trade on, resolved when it was created. */
  readonly account: string;
  readonly strategy: string;
  /** The only symbols its alerts may trade, spelled as the account's broker spells them. */
  readonly symbols: readonly string[];
  /** How far an alert's `time` may lie from the server's clock, either way. */
  readonly replayWindowSeconds: number;
  readonly secretHash: string;
  /** The secret's last four characters, to tell webhooks apart; never enough to guess it. */
  readonly secretHint: string;
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

/** An alert id a webhook has taken, and the order it became: null while placing it, or when refused. */
export interface WebhookAlertRecord {
  readonly webhookId: string;
  readonly alertId: string;
  readonly receivedAt: string;
  readonly orderId: string | null;
}

/** Whether this delivery took the alert id, or an earlier one had. */
export type AlertClaim =
  { readonly claimed: true } | { readonly claimed: false; readonly first: WebhookAlertRecord };
