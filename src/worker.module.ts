import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { LoggingModule } from './common/logging/logging.module.js';
import { checkWorkerConfiguration } from './config/backtest-worker-role.js';
import type { Configuration } from './config/configuration.js';
import { loadConfiguration } from './config/load-configuration.js';
import { PersistenceModule } from './persistence/persistence.module.js';
import { BacktestExecutionModule } from './strategy/execution/backtest-execution.module.js';
import { HeadlessStreamModule } from './sync/stream/headless-stream.module.js';

@Module({})
export class WorkerModule {
  /**
   * The backtest worker process: the configuration, the shared PostgreSQL database, and the backtest jobs
   * taken from the Redis queue, their progress broadcast to the API servers' subscribers. No HTTP server,
   * no broker accounts, no API keys: it reads bars the API servers already stored.
   */
  static forRoot(environment: Record<string, string | undefined>): DynamicModule {
    const configuration = loadConfiguration(environment);
    checkWorkerConfiguration(configuration.server);
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [() => ({ ...configuration })] }),
        LoggingModule,
        PersistenceModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: ConfigService<Configuration, true>) => {
            const { databaseUrl, dataDir } = config.get('server', { infer: true });
            return { url: databaseUrl, dataDir };
          },
        }),
        BacktestExecutionModule.forWorker(),
        HeadlessStreamModule,
      ],
    };
  }
}
