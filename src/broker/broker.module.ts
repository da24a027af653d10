import { Module } from '@nestjs/common';
import { AccountRegistry } from './account-registry.js';
import { AccountsController } from './accounts.controller.js';
import { BrokerCallLogger } from './broker-call.logger.js';
import { BrokerService } from './broker.service.js';
import { MarketController } from './market.controller.js';
import { Mt5ExpertsController } from './mt5-experts.controller.js';
import { Mt5ExpertsService } from './mt5-experts.service.js';
import { PortfolioController } from './portfolio.controller.js';
import { STORED_ACCOUNT_PROVIDERS } from './stored-accounts/stored-accounts.providers.js';
import { StoredAccountRepository } from './stored-accounts/stored-account.repository.js';

@Module({
  controllers: [AccountsController, PortfolioController, MarketController, Mt5ExpertsController],
  providers: [
    BrokerCallLogger,
    AccountRegistry,
    BrokerService,
    Mt5ExpertsService,
    ...STORED_ACCOUNT_PROVIDERS,
  ],
  exports: [AccountRegistry, BrokerService, BrokerCallLogger, StoredAccountRepository],
})
export class BrokerModule {}
