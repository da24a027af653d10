/** What one reconciliation of one account found and did. */
export interface ReconciliationReport {
  readonly account: string;
  /** Orders left `new` that the broker turned out to have, now brought up to date. */
  readonly recovered: number;
  /** Orders left `new` that the broker never received, now rejected. */
  readonly neverReceived: number;
  /** Known orders whose state changed at the broker while Edgerunner was not listening. */
  readonly updated: number;
  /** Open orders at the broker that Edgerunner had no record of, now adopted. */
  readonly adopted: number;
  /** Fills fetched from the broker since the last known one (stored once each). */
  readonly fillsFetched: number;
  readonly startedAt: string;
  readonly finishedAt: string;
}
