import type { DecimalString } from '#brokers';

/** Account value at one instant, as stored for the equity curve. */
export interface EquitySnapshot {
  readonly account: string;
  readonly balance: DecimalString;
  readonly equity: DecimalString;
  readonly unrealizedPnl: DecimalString;
  readonly realizedPnl: DecimalString;
  readonly marginUsed: DecimalString;
  /** UTC ISO 8601. */
  readonly at: string;
}

/** Where equity snapshots are kept. */
export abstract class EquitySnapshotRepository {
  abstract insert(snapshot: EquitySnapshot): Promise<void>;
  /** Snapshots of `account` within [from, to], oldest first. */
  abstract range(account: string, from: Date, to: Date): Promise<EquitySnapshot[]>;
  /** The newest snapshot before `before`, if any: where a curve that starts later begins. */
  abstract lastBefore(account: string, before: Date): Promise<EquitySnapshot | undefined>;
}
