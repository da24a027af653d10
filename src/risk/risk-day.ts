import type { DecimalString } from '#brokers';

/** One account's UTC day as the daily loss limit sees it: its baseline and whether the limit tripped. */
export interface RiskDay {
  readonly account: string;
  /** `YYYY-MM-DD`, UTC. */
  readonly day: string;
  /** Equity the first time it was seen this day: today's PnL is measured from here. */
  readonly startEquity: DecimalString;
  readonly startedAt: string;
  /** Set once today's PnL reached −limit; never cleared within the day. */
  readonly trippedAt: string | null;
  readonly trippedPnl: DecimalString | null;
}
