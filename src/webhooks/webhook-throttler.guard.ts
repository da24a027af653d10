import { Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import { throttledError } from '../common/throttling/throttled-error.js';

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
    throw throttledError(detail, 'alerts', 'this webhook');
  }
}
