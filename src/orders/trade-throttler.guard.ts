import { Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import type { AuthenticatedRequest } from '../auth/api-key.guard.js';
import { throttledError } from '../common/throttling/throttled-error.js';

/** /trade's own budget, counted per API key (the auth guard runs first and names the key). */
@Injectable()
export class TradeThrottlerGuard extends ThrottlerGuard {
  protected override getTracker(request: Record<string, unknown>): Promise<string> {
    const apiKey = (request as unknown as AuthenticatedRequest).apiKey;
    return Promise.resolve(apiKey ? `key:${apiKey.id}` : `ip:${String(request.ip)}`);
  }

  /** Says what the budget is and when the next order is taken, as the Retry-After header does. */
  protected override throwThrottlingException(
    _context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    throw throttledError(detail, 'orders', 'this API key');
  }
}
