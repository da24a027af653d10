import { Module } from '@nestjs/common';
import { AccountRegistry } from './account-registry.js';
import { AccountsController } from './accounts.controller.js';
import { BROKER_ADAPTER_FACTORIES } from './adapters/broker-adapter.factory.js';
import { BybitAdapterFactory } from './adapters/bybit-adapter.factory.js';
import { PaperAdapterFactory } from './adapters/paper-adapter.factory.js';
import { BrokerCallLogger } from './broker-call.logger.js';
import { BrokerService } from './broker.service.js';
import { MarketController } from './market.controller.js';
import { PortfolioController } from './portfolio.controller.js';

@Module({
  controllers: [AccountsController, PortfolioController, MarketController],
  providers: [
    PaperAdapterFactory,
    BybitAdapterFactory,
    {
      provide: BROKER_ADAPTER_FACTORIES,
      inject: [PaperAdapterFactory, BybitAdapterFactory],
      useFactory: (...factories: unknown[]) => factories,
    },
    BrokerCallLogger,
    AccountRegistry,
    BrokerService,
  ],
  exports: [AccountRegistry, BrokerService, BrokerCallLogger],
})
export class BrokerModule {}
