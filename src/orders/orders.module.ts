import { Module } from '@nestjs/common';
import { BrokerModule } from '../broker/broker.module.js';
import { RiskModule } from '../risk/risk.module.js';
import { TradesModule } from '../trades/trades.module.js';
import { KillSwitchCanceller } from './kill-switch/kill-switch.canceller.js';
import { DegradedAccounts } from './reconciliation/degraded-accounts.js';
import { OrderReconciler } from './reconciliation/order-reconciler.js';
import { DrizzleOrderRepository } from './drizzle-order.repository.js';
import { OrderChanges } from './order-changes.js';
import { OrderStateApplier } from './order-state.applier.js';
import { OrderRepository } from './order.repository.js';
import { OrderService } from './order.service.js';
import { OrdersController } from './orders.controller.js';
import { TradeController } from './trade.controller.js';
import { TradeThrottlerGuard } from './trade-throttler.guard.js';

@Module({
  imports: [BrokerModule, RiskModule, TradesModule],
  controllers: [TradeController, OrdersController],
  providers: [
    OrderService,
    OrderChanges,
    OrderStateApplier,
    OrderReconciler,
    DegradedAccounts,
    KillSwitchCanceller,
    TradeThrottlerGuard,
    { provide: OrderRepository, useClass: DrizzleOrderRepository },
  ],
  exports: [OrderService, OrderChanges, DegradedAccounts],
})
export class OrdersModule {}
