import { Module } from '@nestjs/common';
import { BrokerModule } from '../broker/broker.module.js';
import { InMemoryOrderRepository } from './in-memory-order.repository.js';
import { OrderRepository } from './order.repository.js';
import { OrderService } from './order.service.js';
import { OrdersController } from './orders.controller.js';
import { TradeController } from './trade.controller.js';
import { TradeThrottlerGuard } from './trade-throttler.guard.js';

@Module({
  imports: [BrokerModule],
  controllers: [TradeController, OrdersController],
  providers: [
    OrderService,
    TradeThrottlerGuard,
    { provide: OrderRepository, useClass: InMemoryOrderRepository },
  ],
  exports: [OrderService],
})
export class OrdersModule {}
