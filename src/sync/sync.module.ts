import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { BrokerModule } from '../broker/broker.module.js';
import { OrdersModule } from '../orders/orders.module.js';
import { TradesModule } from '../trades/trades.module.js';
import { DrizzleEquitySnapshotRepository } from './drizzle-equity-snapshot.repository.js';
import { EquitySnapshotRecorder } from './equity-snapshot.recorder.js';
import { EquitySnapshotRepository } from './equity-snapshot.repository.js';
import { LiveStateService } from './live/live-state.service.js';
import { PerformanceController } from './performance/performance.controller.js';
import { PerformanceService } from './performance/performance.service.js';
import { BrokerStreamGateway } from './stream/broker-stream.gateway.js';
import { ServerWideStreamsModule } from './stream/server-wide-streams.module.js';
import { StreamPublisher } from './stream/stream-publisher.js';
import { StreamSubscriptions } from './stream/stream-subscriptions.js';
import { StreamThrottlerGuard } from './stream/stream-throttler.guard.js';

/**
 * Live sync: each account's state from its broker's pushes and polling, equity snapshots, live performance
 * (GET /performance), and the /ws/broker stream.
 */
@Module({
  imports: [BrokerModule, OrdersModule, AuthModule, TradesModule, ServerWideStreamsModule],
  controllers: [PerformanceController],
  providers: [
    LiveStateService,
    EquitySnapshotRecorder,
    PerformanceService,
    { provide: EquitySnapshotRepository, useClass: DrizzleEquitySnapshotRepository },
    StreamPublisher,
    StreamSubscriptions,
    StreamThrottlerGuard,
    BrokerStreamGateway,
  ],
  // The strategy module feeds the `backtests` and `strategies` channels.
  exports: [ServerWideStreamsModule],
})
export class SyncModule {}
