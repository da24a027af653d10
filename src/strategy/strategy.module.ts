import { Module } from '@nestjs/common';
import { BrokerModule } from '../broker/broker.module.js';
import { MarketDataModule } from '../market-data/market-data.module.js';
import { OrdersModule } from '../orders/orders.module.js';
import { SyncModule } from '../sync/sync.module.js';
import { BacktestDetailReader } from './backtest/backtest-detail.reader.js';
import { BacktestReportService } from './backtest/backtest-report.service.js';
import { BacktestService } from './backtest/backtest.service.js';
import { BacktestsController } from './backtests.controller.js';
import { StrategyBenchmarkService } from './benchmark/strategy-benchmark.service.js';
import { StrategyCatalogModule } from './catalog/strategy-catalog.module.js';
import { BacktestDataSource } from './source/backtest-data-source.js';
import { MarketDataBacktestSource } from './source/market-data-backtest.source.js';
import { BacktestExecutionModule } from './execution/backtest-execution.module.js';
import { DrizzleStrategyRunRepository } from './runs/drizzle-strategy-run.repository.js';
import { LiveRunLauncher } from './runs/live-run-launcher.js';
import { StrategyRunEvents } from './runs/strategy-run-events.js';
import { StrategyRunRepository } from './runs/strategy-run.repository.js';
import { StrategyRunService } from './runs/strategy-run.service.js';
import { MalformedSignalInterceptor } from './signals/malformed-signal.interceptor.js';
import { SignalOutcomes } from './signals/signal-outcomes.js';
import { SignalService } from './signals/signal.service.js';
import { StrategiesController } from './strategies.controller.js';
import { StrategyRunsController } from './strategy-runs.controller.js';
import { StrategyStreamFeed } from './strategy-stream.feed.js';
import { StrategyTriggersController } from './strategy-triggers.controller.js';

/**
 * Strategies and backtests: GET /strategies, backtest jobs (single runs and sweeps: submitted here, run by
 * BacktestExecutionModule in this process or a backtest worker's), their results, reports and the
 * benchmark; signals fired at a strategy (POST /strategies/:name/trigger) as orders; live runs of a
 * strategy on an account, with runs and signals on the `strategies` channel.
 */
@Module({
  imports: [
    BrokerModule,
    MarketDataModule,
    OrdersModule,
    SyncModule,
    StrategyCatalogModule,
    BacktestExecutionModule.forServer(),
  ],
  controllers: [
    StrategiesController,
    StrategyRunsController,
    StrategyTriggersController,
    BacktestsController,
  ],
  providers: [
    // The bars a submission is checked against, read through the account's broker (cached) or a dataset.
    { provide: BacktestDataSource, useClass: MarketDataBacktestSource },
    BacktestService,
    BacktestDetailReader,
    BacktestReportService,
    StrategyBenchmarkService,
    SignalOutcomes,
    SignalService,
    MalformedSignalInterceptor,
    { provide: StrategyRunRepository, useClass: DrizzleStrategyRunRepository },
    StrategyRunEvents,
    LiveRunLauncher,
    StrategyRunService,
    StrategyStreamFeed,
  ],
  exports: [StrategyCatalogModule, SignalService, SignalOutcomes, StrategyRunService],
})
export class StrategyModule {}
