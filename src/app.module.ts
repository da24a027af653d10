import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { AccountsAdminModule } from './accounts/accounts-admin.module.js';
import { AuthModule } from './auth/auth.module.js';
import { BrokerModule } from './broker/broker.module.js';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter.js';
import { EnvelopeInterceptor } from './common/http/envelope.interceptor.js';
import { LoggingModule } from './common/logging/logging.module.js';
import { ThrottlingModule } from './common/throttling/throttling.module.js';
import { createRequestValidationPipe } from './common/validation/request-validation.pipe.js';
import { loadConfiguration } from './config/load-configuration.js';
import { HealthModule } from './health/health.module.js';
import { MarketDataModule } from './market-data/market-data.module.js';
import { OrdersModule } from './orders/orders.module.js';
import { PersistenceModule } from './persistence/persistence.module.js';
import { RiskModule } from './risk/risk.module.js';
import { StrategyModule } from './strategy/strategy.module.js';
import { SyncModule } from './sync/sync.module.js';
import { TradesModule } from './trades/trades.module.js';
import { WebhooksModule } from './webhooks/webhooks.module.js';
import type { Configuration } from './config/configuration.js';

@Module({})
export class AppModule {
  /**
   * The whole app, configured from `environment` (validated here, once: a bad value stops start-up with
   * a message naming it). main.ts passes the process environment; tests pass their own.
   */
  static forRoot(environment: Record<string, string | undefined>): DynamicModule {
    const configuration = loadConfiguration(environment);
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [() => ({ ...configuration })] }),
        LoggingModule,
        // Reactions across modules (the kill switch asking orders to cancel) travel as events.
        EventEmitterModule.forRoot(),
        PersistenceModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: ConfigService<Configuration, true>) => {
            const { databaseUrl, dataDir } = config.get('server', { infer: true });
            return { url: databaseUrl, dataDir };
          },
        }),
        ThrottlingModule,
        AuthModule,
        BrokerModule,
        OrdersModule,
        AccountsAdminModule,
        RiskModule,
        TradesModule,
        MarketDataModule,
        SyncModule,
        StrategyModule,
        WebhooksModule,
        HealthModule,
      ],
      providers: [
        EnvelopeInterceptor,
        AllExceptionsFilter,
        { provide: APP_INTERCEPTOR, useExisting: EnvelopeInterceptor },
        { provide: APP_FILTER, useExisting: AllExceptionsFilter },
        {
          provide: APP_PIPE,
          useValue: createRequestValidationPipe(),
        },
      ],
    };
  }
}
