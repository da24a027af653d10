import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectThrottlerStorage, type ThrottlerStorage } from '@nestjs/throttler';
import type { Socket } from 'socket.io';
import { RateLimitedError } from '../../common/errors/app-error.js';
import type { Configuration } from '../../config/configuration.js';

/**
 * Message spam on /ws/broker: each connection may send `throttle.stream.limit` messages per window. The
 * HTTP throttler guard cannot see sockets, so the gateway counts them itself, in the throttler's storage
 * (Redis when configured).
 */
@Injectable()
export class StreamThrottlerGuard implements CanActivate {
  constructor(
    @InjectThrottlerStorage() private readonly storage: ThrottlerStorage,
    private readonly config: ConfigService<Configuration, true>,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'ws') return true;
    const socket = context.switchToWs().getClient<Socket>();
    const { limit, ttlMs } = this.config.get('throttle', { infer: true }).stream;
    const record = await this.storage.increment(`stream:${socket.id}`, ttlMs, limit, ttlMs, 'stream');
    if (record.isBlocked || record.totalHits > limit) {
      const retryAfterMs = Math.max(record.timeToBlockExpire, record.timeToExpire) * 1000;
      throw new RateLimitedError(`Too many messages: at most ${limit} per ${ttlMs} ms`, { retryAfterMs });
    }
    return true;
  }
}
