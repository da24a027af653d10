import { BrokerRateLimitError } from '../errors/index.js';

/** IB's historical data pacing (TWS API docs, "Historical Data Limitations"). */
export const IBKR_HISTORY_PACING = {
  /** No identical request within this long. */
  identicalMs: 15_000,
  /** At most `perContract` requests for one contract within `perContractMs`. */
  perContract: 5,
  perContractMs: 2000,
  /** At most `perWindow` requests within `windowMs`. */
  perWindow: 60,
  windowMs: 600_000,
} as const;

interface Sent {
  readonly at: number;
  readonly contract: string;
  readonly key: string;
}

/**
 * The adapter's own budget of historical requests, so TWS never answers 162 "pacing violation": a
 * request identical to one of the last 15 s is answered from that one's result (by the caller), a
 * burst on one contract waits, and past 60 in ten minutes the call is refused with a retry-after.
 */
export class IbkrHistoryPacing {
  private sent: Sent[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  /** How long to wait before sending a request for `contract`; throws when the ten-minute budget is spent. */
  delayFor(contract: string): number {
    const now = this.now();
    this.sent = this.sent.filter((sent) => now - sent.at < IBKR_HISTORY_PACING.windowMs);
    const oldest = this.sent[0];
    if (this.sent.length >= IBKR_HISTORY_PACING.perWindow && oldest) {
      const retryAfterMs = IBKR_HISTORY_PACING.windowMs - (now - oldest.at);
      throw new BrokerRateLimitError(
        `IB allows ${IBKR_HISTORY_PACING.perWindow} historical data requests in ten minutes`,
        { broker: 'ibkr', retryAfterMs },
      );
    }
    const recent = this.sent.filter(
      (sent) => sent.contract === contract && now - sent.at < IBKR_HISTORY_PACING.perContractMs,
    );
    const first = recent[0];
    if (recent.length < IBKR_HISTORY_PACING.perContract || !first) return 0;
    return IBKR_HISTORY_PACING.perContractMs - (now - first.at);
  }

  /** Whether an identical request went out within the last 15 s. */
  sentRecently(key: string): boolean {
    const now = this.now();
    return this.sent.some((sent) => sent.key === key && now - sent.at < IBKR_HISTORY_PACING.identicalMs);
  }

  record(contract: string, key: string): void {
    this.sent.push({ at: this.now(), contract, key });
  }
}
