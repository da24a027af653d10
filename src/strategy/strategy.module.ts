import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { BUILT_IN_STRATEGIES } from '#backtest/strategies/index.js';
import { BrokerModule } from '../broker/broker.module.js';
import type { Configuration } from '../config/configuration.js';
import { MarketDataModule } from '../market-data/market-data.module.js';
import { OrdersModule } from '../orders/orders.module.js';
import { SyncModule } from '../sync/sync.module.js';
import { BacktestDetailReader } from './backtest/backtest-detail.reader.js';
import { BacktestEvents } from './backtest/backtest-events.js';
import { BacktestRecovery } from './backtest/backtest-recovery.js';
import { BacktestReportService } from './backtest/backtest-report.service.js';
import { BacktestStreamFeed } from './backtest/backtest-stream.feed.js';
import { BacktestRepository } from './backtest/backtest.repository.js';
import { BacktestService } from './backtest/backtest.service.js';
import { DrizzleBacktestRepository } from './backtest/drizzle-backtest.repository.js';
import { BacktestsController } from './backtests.controller.js';
import { StrategyBenchmarkService } from './benchmark/strategy-benchmark.service.js';
import { STRATEGY_DEFINITIONS, StrategyCatalog } from './catalog/strategy-catalog.js';
import { BacktestDataSource } from './source/backtest-data-source.js';
import { MarketDataBacktestSource } from './source/market-data-backtest.source.js';
import { BacktestJobRunner } from './execution/backtest-job.runner.js';
import { BacktestPool } from './execution/backtest-pool.js';
import { BacktestQueue } from './execution/backtest-queue.js';
import { BullmqBacktestQueue } from './execution/bullmq-backtest.queue.js';
import { InProcessBacktestQueue } from './execution/in-process-backtest.queue.js';
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
 * Strategies and backtests: GET /strategies, backtest jobs (single runs and sweeps) on worker threads,
 * queued in process or on BullMQ, their results, reports and the benchmark; their progress on the
 * /ws/broker `backtests` channel; signals fired at a strategy (POST /strategies/:name/trigger) as orders;
 * live runs of a strategy on an account, with runs and signals on the `strategies` channel.
 */
@Module({
  imports: [BrokerModule, MarketDataModule, OrdersModule, SyncModule],
  controllers: [
    StrategiesController,
    StrategyRunsController,
    StrategyTriggersController,
    BacktestsController,
  ],
  providers: [
    { provide: STRATEGY_DEFINITIONS, useValue: BUILT_IN_STRATEGIES },
    StrategyCatalog,
    { provide: BacktestRepository, useClass: DrizzleBacktestRepository },
    { provide: BacktestDataSource, useClass: MarketDataBacktestSource },
    BacktestEvents,
    BacktestPool,
    BacktestJobRunner,
    {
      provide: BacktestQueue,
      inject: [ConfigService, BacktestJobRunner],
      useFactory: (config: ConfigService<Configuration, true>, runner: BacktestJobRunner): BacktestQueue => {
        const { redisUrl } = config.get('server', { infer: true });
        const { concurrentJobs, queuePrefix } = config.get('backtest', { infer: true });
        return redisUrl
          ? new BullmqBacktestQueue(runner, { redisUrl, prefix: queuePrefix, concurrency: concurrentJobs })
          : new InProcessBacktestQueue(runner, concurrentJobs);
      },
    },
    BacktestRecovery,
    BacktestService,
    BacktestDetailReader,
    BacktestReportService,
    StrategyBenchmarkService,
    BacktestStreamFeed,
    SignalOutcomes,
    SignalService,
    MalformedSignalInterceptor,
    { provide: StrategyRunRepository, useClass: DrizzleStrategyRunRepository },
    StrategyRunEvents,
    LiveRunLauncher,
    StrategyRunService,
    StrategyStreamFeed,
  ],
  exports: [StrategyCatalog, SignalService, SignalOutcomes, StrategyRunService],
})
export class StrategyModule {}
