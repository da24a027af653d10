import { Module } from '@nestjs/common';
import { BrokerModule } from '../broker/broker.module.js';
import { StrategyModule } from '../strategy/strategy.module.js';
import { DrizzleWebhookRepository } from './drizzle-webhook.repository.js';
import { TradingViewAlertService } from './tradingview-alert.service.js';
import { TradingViewWebhookController } from './tradingview-webhook.controller.js';
import { WebhookRepository } from './webhook.repository.js';
import { WebhookService } from './webhook.service.js';
import { WebhooksController } from './webhooks.controller.js';

/**
 * TradingView webhooks: created and revoked by an admin (/webhooks), each posting its alerts to
 * /webhooks/tradingview/:id with its secret in the body, fired at its strategy as signals.
 */
@Module({
  imports: [BrokerModule, StrategyModule],
  controllers: [WebhooksController, TradingViewWebhookController],
  providers: [
    { provide: WebhookRepository, useClass: DrizzleWebhookRepository },
    WebhookService,
    TradingViewAlertService,
  ],
})
export class WebhooksModule {}
