import { Injectable, Logger } from '@nestjs/common';
import type { BacktestFeed } from '../source/backtest-data-source.js';
import { BacktestJobRunner } from './backtest-job.runner.js';
import { BacktestQueue } from './backtest-queue.js';

/**
 * Jobs queued in memory, `concurrentJobs` run at once on this process's worker pool. Nothing outlives the
 * process: a job queued or running at a crash is marked failed at the next start.
 */
@Injectable()
export class InProcessBacktestQueue extends BacktestQueue {
  readonly durable = false;
  private readonly logger = new Logger(InProcessBacktestQueue.name);
  private readonly waiting: { id: string; feed: BacktestFeed }[] = [];
  private active = 0;

  constructor(
    private readonly runner: BacktestJobRunner,
    private readonly concurrency: number,
  ) {
    super();
  }

  enqueue(id: string, feed: BacktestFeed): Promise<void> {
    this.waiting.push({ id, feed });
    this.drain();
    return Promise.resolve();
  }

  private drain(): void {
    while (this.active < this.concurrency) {
      const next = this.waiting.shift();
      if (!next) return;
      this.active += 1;
      this.runner
        .run(next.id, next.feed)
        .catch((error: unknown) =>
          this.logger.error(`Backtest ${next.id} failed to run: ${(error as Error).message}`),
        )
        .finally(() => {
          this.active -= 1;
          this.drain();
        });
    }
  }
}
