import type { BybitCategory, BybitRateLimit } from '../bybit-simulator-config.js';

/** One request's standing against its endpoint budget: what the X-Bapi-Limit* headers report. */
export interface RateLimitStatus {
  /** X-Bapi-Limit: the budget per window. */
  readonly limit: number;
  /** X-Bapi-Limit-Status: requests left in the window after this one. */
  readonly remaining: number;
  /** X-Bapi-Limit-Reset-Timestamp: when a request fits again if exceeded, else now. */
  readonly resetAtMs: number;
  readonly exceeded: boolean;
}

/**
 * Bybit's API rate limit (docs/v5/rate-limit/rate-limit.mdx): a rolling window per uid and endpoint,
 * each category with its own budget where the table gives one. A refused request does not count.
 */
export class BybitRateLimiter {
  private readonly windows = new Map<string, number[]>();

  constructor(
    private readonly limits: Readonly<Record<string, BybitRateLimit>>,
    private readonly windowMs: number,
    private readonly clock: () => number,
  ) {}

  /** Counts one request of `uid` to `path`; null when the endpoint has no limit. */
  take(uid: number, path: string, category: BybitCategory | undefined): RateLimitStatus | null {
    const configured = this.limits[path];
    if (configured === undefined) return null;
    const perCategory = typeof configured !== 'number';
    const limit = perCategory ? configured[category === 'spot' ? 'spot' : 'linear'] : configured;
    const key = `${uid} ${path} ${perCategory ? (category ?? 'linear') : ''}`;
    const now = this.clock();
    const times = (this.windows.get(key) ?? []).filter((time) => time > now - this.windowMs);
    this.windows.set(key, times);
    if (times.length >= limit) {
      return { limit, remaining: 0, resetAtMs: (times[0] ?? now) + this.windowMs, exceeded: true };
    }
    times.push(now);
    return { limit, remaining: limit - times.length, resetAtMs: now, exceeded: false };
  }
}
