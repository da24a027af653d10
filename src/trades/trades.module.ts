import { Module } from '@nestjs/common';
import { BrokerModule } from '../broker/broker.module.js';
import { DrizzleFillRepository } from './drizzle-fill.repository.js';
import { FillRecorder } from './fill.recorder.js';
import { FillRepository } from './fill.repository.js';
import { TradeLogService } from './trade-log.service.js';
import { TradesController } from './trades.controller.js';

/** The trade log: every broker fill stored once, served by GET /trades as pages or CSV. */
@Module({
  imports: [BrokerModule],
  controllers: [TradesController],
  providers: [TradeLogService, FillRecorder, { provide: FillRepository, useClass: DrizzleFillRepository }],
  exports: [TradeLogService],
})
export class TradesModule {}
