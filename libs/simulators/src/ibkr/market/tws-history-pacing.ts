import type { TwsHistoryPacingConfig } from '../tws-simulator-config.js';

/** One accepted request: when, what exactly, and the contract/exchange/tickType it counts against. */
interface PacedRequest {
  readonly at: number;
  readonly identity: string;
  readonly series: string;
}

/**
 * IB's historical data pacing (TWS API docs, "Historical Data Limitations"): no identical request within
 * 15 s, no six or more requests for the same contract, exchange and tick type within 2 s, and no more than
 * 60 requests in any 10 minutes. A request that breaks one is refused and does not count. The limits hold
 * for the whole simulator, as IB applies them to the user rather than one API connection.
 */
export class TwsHistoryPacing {
  private accepted: PacedRequest[] = [];

  constructor(
    private readonly config: TwsHistoryPacingConfig,
    private readonly now: () => number,
  ) {}

  /** Records the request and answers true, or answers false (a pacing violation) and records nothing. */
  admit(identity: string, series: string): boolean {
    const at = this.now();
    const { identicalMs, burstMs, burstCount, windowMs, windowCount } = this.config;
    const keep = Math.max(identicalMs, burstMs, windowMs);
    this.accepted = this.accepted.filter((request) => at - request.at < keep);
    const within = (ms: number) => this.accepted.filter((request) => at - request.at < ms);
    if (within(identicalMs).some((request) => request.identity === identity)) return false;
    if (within(burstMs).filter((request) => request.series === series).length >= burstCount - 1) return false;
    if (within(windowMs).length >= windowCount) return false;
    this.accepted.push({ at, identity, series });
    return true;
  }
}
