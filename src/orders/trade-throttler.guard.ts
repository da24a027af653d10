import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { AuthenticatedRequest } from '../auth/api-key.guard.js';

/** /trade's own budget, counted per API key (the auth guard runs first and names the key). */
@Injectable()
export class TradeThrottlerGuard extends ThrottlerGuard {
  protected override getTracker(request: Record<string, unknown>): Promise<string> {
    const apiKey = (request as unknown as AuthenticatedRequest).apiKey;
    return Promise.resolve(apiKey ? `key:${apiKey.id}` : `ip:${String(request.ip)}`);
  }
}
