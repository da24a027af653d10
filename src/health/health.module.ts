import { Module } from '@nestjs/common';
import { BrokerModule } from '../broker/broker.module.js';
import { OrdersModule } from '../orders/orders.module.js';
import { StrategyModule } from '../strategy/strategy.module.js';
import { HealthController } from './health.controller.js';
import { HealthService } from './health.service.js';
import { MetricsController } from './metrics/metrics.controller.js';
import { MetricsService } from './metrics/metrics.service.js';

/** What ops read: liveness and readiness (no key), and Prometheus metrics. */
@Module({
  imports: [BrokerModule, OrdersModule, StrategyModule],
  controllers: [HealthController, MetricsController],
  providers: [HealthService, MetricsService],
  exports: [MetricsService],
})
export class HealthModule {}
