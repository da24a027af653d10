import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ThrottlerModule } from '@nestjs/throttler';
import type { Configuration } from '../../config/configuration.js';
import { RedisThrottlerStorage } from './redis-throttler.storage.js';

/**
 * Rate-limit budgets from config. The throttler is named `default` so the guard answers with a plain
 * `Retry-After` header; it only guards the routes that ask for it (/trade).
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<Configuration, true>) => {
        const { trade } = config.get('throttle', { infer: true });
        const { redisUrl } = config.get('server', { infer: true });
        return {
          throttlers: [{ name: 'default', limit: trade.limit, ttl: trade.ttlMs }],
          storage: redisUrl ? RedisThrottlerStorage.fromUrl(redisUrl) : undefined,
        };
      },
    }),
  ],
  exports: [ThrottlerModule],
})
export class ThrottlingModule {}
