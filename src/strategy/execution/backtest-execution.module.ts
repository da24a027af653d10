import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Configuration } from '../../config/configuration.js';
import { StoredBarsModule } from '../../market-data/stored-bars.module.js';
import { ServerWideStreamsModule } from '../../sync/stream/server-wide-streams.module.js';
import { BacktestEvents } from '../backtest/backtest-events.js';
import { BacktestRecovery } from '../backtest/backtest-recovery.js';
import { BacktestStreamFeed } from '../backtest/backtest-stream.feed.js';
import { BacktestRepository } from '../backtest/backtest.repository.js';
import { DrizzleBacktestRepository } from '../backtest/drizzle-backtest.repository.js';
import { StrategyCatalogModule } from '../catalog/strategy-catalog.module.js';
import { StoredBacktestSource } from '../source/stored-backtest.source.js';
import { BacktestJobRunner } from './backtest-job.runner.js';
import { BacktestPool } from './backtest-pool.js';
import { BacktestQueue } from './backtest-queue.js';
import { BullmqBacktestQueue } from './bullmq-backtest.queue.js';
import { InProcessBacktestQueue } from './in-process-backtest.queue.js';

/** Whether this process takes jobs from the queue, or only fills it. */
const TAKES_JOBS = Symbol('TAKES_JOBS');

/**
 * Backtest jobs as they run: the queue (in process, or BullMQ with REDIS_URL), the runner and its worker
 * threads, the jobs' rows, the start-up sweep of abandoned ones, and their progress on the `backtests`
 * channel. Everything here works without a broker, so the backtest worker process runs it as the API does.
 */
@Module({})
export class BacktestExecutionModule {
  /** In an API server: it takes jobs unless EDGERUNNER_BACKTEST_WORKER=false leaves them to workers. */
  static forServer(): DynamicModule {
    return BacktestExecutionModule.build({
      provide: TAKES_JOBS,
      inject: [ConfigService],
      useFactory: (config: ConfigService<Configuration, true>) =>
        config.get('server', { infer: true }).backtestWorker,
    });
  }

  /** In the backtest worker process, which exists to take them. */
  static forWorker(): DynamicModule {
    return BacktestExecutionModule.build({ provide: TAKES_JOBS, useValue: true });
  }

  private static build(takesJobs: Provider): DynamicModule {
    return {
      module: BacktestExecutionModule,
      imports: [StrategyCatalogModule, StoredBarsModule, ServerWideStreamsModule],
      providers: [
        takesJobs,
        { provide: BacktestRepository, useClass: DrizzleBacktestRepository },
        StoredBacktestSource,
        BacktestEvents,
        BacktestPool,
        BacktestJobRunner,
        {
          provide: BacktestQueue,
          inject: [ConfigService, BacktestJobRunner, TAKES_JOBS],
          useFactory: (
            config: ConfigService<Configuration, true>,
            runner: BacktestJobRunner,
            takes: boolean,
          ): BacktestQueue => {
            const { redisUrl } = config.get('server', { infer: true });
            const { concurrentJobs, queuePrefix } = config.get('backtest', { infer: true });
            // Configuration refuses a server that takes no jobs without Redis: it always takes them here.
            return redisUrl
              ? new BullmqBacktestQueue(runner, {
                  redisUrl,
                  prefix: queuePrefix,
                  concurrency: concurrentJobs,
                  takesJobs: takes,
                })
              : new InProcessBacktestQueue(runner, concurrentJobs);
          },
        },
        BacktestRecovery,
        BacktestStreamFeed,
      ],
      exports: [BacktestRepository, BacktestEvents, BacktestJobRunner, BacktestQueue],
    };
  }
}
