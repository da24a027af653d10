import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Piscina } from 'piscina';
import type { Configuration } from '../../config/configuration.js';
import type { BacktestTask, BacktestTaskResult } from './backtest-task.js';

/**
 * The worker file as compiled by `nest build`. Beside this module when it runs from dist/; under Jest this
 * module runs from its TypeScript source, and a worker thread cannot load that, so the compiled copy under
 * dist/ (which `pretest` builds) is used.
 */
function workerFile(): string {
  const beside = fileURLToPath(new URL('./backtest.worker.js', import.meta.url));
  if (existsSync(beside)) return beside;
  return fileURLToPath(new URL('../../../dist/src/strategy/execution/backtest.worker.js', import.meta.url));
}

/** The worker threads backtests run on: every job, single run or sweep, in this process shares them. */
@Injectable()
export class BacktestPool implements OnApplicationShutdown {
  private readonly logger = new Logger(BacktestPool.name);
  private readonly piscina: Piscina<BacktestTask, BacktestTaskResult>;
  readonly threads: number;

  constructor(config: ConfigService<Configuration, true>) {
    this.threads = config.get('backtest', { infer: true }).workerThreads ?? availableParallelism();
    this.piscina = new Piscina({
      filename: workerFile(),
      // Threads start when a job needs them and stop when idle: a server that never backtests pays nothing.
      minThreads: 0,
      maxThreads: this.threads,
      idleTimeout: 30_000,
    });
  }

  run(task: BacktestTask): Promise<BacktestTaskResult> {
    return this.piscina.run(task);
  }

  async onApplicationShutdown(): Promise<void> {
    try {
      await this.piscina.close({ force: true });
    } catch (error) {
      this.logger.warn(`Backtest worker threads did not stop cleanly: ${(error as Error).message}`);
    }
  }
}
