import { Module } from '@nestjs/common';
import { BrokerModule } from '../broker/broker.module.js';
import { OrdersModule } from '../orders/orders.module.js';
import { AccountAdminService } from './account-admin.service.js';
import { AccountsAdminController } from './accounts-admin.controller.js';

@Module({
  imports: [BrokerModule, OrdersModule],
  controllers: [AccountsAdminController],
  providers: [AccountAdminService],
})
export class AccountsAdminModule {}
