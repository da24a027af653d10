import { Module } from '@nestjs/common';
import { AccountRegistry } from './account-registry.js';
import { AccountsController } from './accounts.controller.js';
import { BrokerCallLogger } from './broker-call.logger.js';
import { BrokerService } from './broker.service.js';
import { MarketController } from './market.controller.js';
import { PortfolioController } from './portfolio.controller.js';

@Module({
  controllers: [AccountsController, PortfolioController, MarketController],
  providers: [BrokerCallLogger, AccountRegistry, BrokerService],
  exports: [AccountRegistry, BrokerService, BrokerCallLogger],
})
export class BrokerModule {}
