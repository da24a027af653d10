import { Module } from '@nestjs/common';
import { BrokerModule } from '../broker/broker.module.js';
import { DrizzleRiskStateRepository } from './drizzle-risk-state.repository.js';
import { DailyLossTracker } from './daily-loss.tracker.js';
import { DayStartRecorder } from './day-start.recorder.js';
import { KillSwitchService } from './kill-switch.service.js';
import { RISK_CLOCK, type RiskClock } from './risk-clock.js';
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
    { provide: RiskStateRepository, useClass: DrizzleRiskStateRepository },
    { provide: RISK_CLOCK, useValue: ((): number => Date.now()) satisfies RiskClock },
  ],
  exports: [RiskService],
})
export class RiskModule {}
