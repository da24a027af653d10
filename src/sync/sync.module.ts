import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Redis } from 'ioredis';
import { AuthModule } from '../auth/auth.module.js';
import { BrokerModule } from '../broker/broker.module.js';
import type { Configuration } from '../config/configuration.js';
import { OrdersModule } from '../orders/orders.module.js';
import { TradesModule } from '../trades/trades.module.js';
import { DrizzleEquitySnapshotRepository } from './drizzle-equity-snapshot.repository.js';
import { EquitySnapshotRecorder } from './equity-snapshot.recorder.js';
import { EquitySnapshotRepository } from './equity-snapshot.repository.js';
import { LiveStateService } from './live/live-state.service.js';
import { PerformanceController } from './performance/performance.controller.js';
import { PerformanceService } from './performance/performance.service.js';
import { BrokerStreamGateway } from './stream/broker-stream.gateway.js';
import { LocalStreamSequencer } from './stream/local-stream-sequencer.js';
import { RedisStreamSequencer } from './stream/redis-stream-sequencer.js';
import { ServerWideStreams } from './stream/server-wide-streams.js';
import { StreamPublisher } from './stream/stream-publisher.js';
import { CLUSTER_SEQUENCER } from './stream/stream-sequencer.js';
import { StreamSubscriptions } from './stream/stream-subscriptions.js';
import { StreamThrottlerGuard } from './stream/stream-throttler.guard.js';

/**
 * Live sync: each account's state from its broker's pushes and polling, equity snapshots, live performance
 * (GET /performance), and the /ws/broker stream.
 */
@Module({
  imports: [BrokerModule, OrdersModule, AuthModule, TradesModule],
  controllers: [PerformanceController],
  providers: [
    LiveStateService,
    EquitySnapshotRecorder,
    PerformanceService,
    { provide: EquitySnapshotRepository, useClass: DrizzleEquitySnapshotRepository },
    LocalStreamSequencer,
    {
      provide: CLUSTER_SEQUENCER,
      inject: [ConfigService, LocalStreamSequencer],
      useFactory: (config: ConfigService<Configuration, true>, local: LocalStreamSequencer) => {
        const { redisUrl } = config.get('server', { infer: true });
        return redisUrl ? new RedisStreamSequencer(new Redis(redisUrl, { maxRetriesPerRequest: 2 })) : local;
      },
    },
    StreamPublisher,
    StreamSubscriptions,
    StreamThrottlerGuard,
    BrokerStreamGateway,
    ServerWideStreams,
  ],
  // The strategy module feeds the `backtests` and `strategies` channels.
  exports: [ServerWideStreams],
})
export class SyncModule {}
