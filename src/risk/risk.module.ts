import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Configuration } from '../config/configuration.js';
import { BrokerModule } from '../broker/broker.module.js';
import { DrizzleRiskStateRepository } from './drizzle-risk-state.repository.js';
import { DailyLossTracker } from './daily-loss.tracker.js';
import { DayStartRecorder } from './day-start.recorder.js';
import { KillSwitchService } from './kill-switch.service.js';
import { RISK_CLOCK, type RiskClock } from './risk-clock.js';
import { CachedRiskStateRepository } from './cached-risk-state.repository.js';
import { RedisRiskStateChanges } from './redis-risk-state-changes.js';
import { LocalRiskStateChanges, RiskStateChanges } from './risk-state-changes.js';
import { RiskStateRepository } from './risk-state.repository.js';
import { RiskStatusService } from './risk-status.service.js';
import { RiskController } from './risk.controller.js';
import { RiskService } from './risk.service.js';

/** Pre-trade risk checks (exported: {@link RiskService}), GET /risk and the kill switch. */
@Module({
  imports: [BrokerModule],
  controllers: [RiskController],
  providers: [
    RiskService,
    RiskStatusService,
    KillSwitchService,
    DailyLossTracker,
    DayStartRecorder,
    DrizzleRiskStateRepository,
    {
      provide: RiskStateChanges,
      inject: [ConfigService],
      useFactory: (config: ConfigService<Configuration, true>) => {
        const { redisUrl } = config.get('server', { infer: true });
        return redisUrl ? new RedisRiskStateChanges(redisUrl) : new LocalRiskStateChanges();
      },
    },
    // Read on every order: served from memory, dropped on every change here or on another replica.
    {
      provide: RiskStateRepository,
      inject: [DrizzleRiskStateRepository, RiskStateChanges, RISK_CLOCK],
      useFactory: (store: DrizzleRiskStateRepository, changes: RiskStateChanges, clock: RiskClock) =>
        new CachedRiskStateRepository(store, changes, clock),
    },
    { provide: RISK_CLOCK, useValue: ((): number => Date.now()) satisfies RiskClock },
  ],
  exports: [RiskService],
})
export class RiskModule {}
