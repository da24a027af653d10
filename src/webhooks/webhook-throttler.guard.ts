import { Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import { RateLimitedError } from '../common/errors/app-error.js';

/**
 * A TradingView webhook's budget: the /trade budget (`throttle.trade`), counted per webhook, since its
 * alerts carry no API key. A flood at one webhook is refused with 429 before its secret is even hashed.
 */
@Injectable()
export class WebhookThrottlerGuard extends ThrottlerGuard {
  protected override getTracker(request: Record<string, unknown>): Promise<string> {
    const params = request.params as { id?: string } | undefined;
    return Promise.resolve(`webhook:${params?.id ?? ''}`);
  }

  protected override throwThrottlingException(
    _context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const retryAfterSeconds = Math.max(
      1,
      Math.ceil(detail.isBlocked ? detail.timeToBlockExpire : detail.timeToExpire),
    );
    throw new RateLimitedError(
      `Too many alerts: at most ${detail.limit} per ${detail.ttl / 1000} s for this webhook; retry in ${retryAfterSeconds} s`,
      { limit: detail.limit, windowMs: detail.ttl, retryAfterMs: retryAfterSeconds * 1000 },
    );
  }
}
