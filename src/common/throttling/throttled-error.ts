import type { ThrottlerLimitDetail } from '@nestjs/throttler';
import { RateLimitedError } from '../errors/app-error.js';

/**
 * The 429 a throttler guard answers with: what the budget is and when the next request is taken, in
 * whole seconds as the Retry-After header gives it. `what` names the thing counted ("orders").
 */
export function throttledError(detail: ThrottlerLimitDetail, what: string, per: string): RateLimitedError {
  const retryAfterSeconds = Math.max(
    1,
    Math.ceil(detail.isBlocked ? detail.timeToBlockExpire : detail.timeToExpire),
  );
  return new RateLimitedError(
    `Too many ${what}: at most ${detail.limit} per ${detail.ttl / 1000} s for ${per}; retry in ${retryAfterSeconds} s`,
    { limit: detail.limit, windowMs: detail.ttl, retryAfterMs: retryAfterSeconds * 1000 },
  );
}
