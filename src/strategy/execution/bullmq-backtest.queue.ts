import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Queue, Worker } from 'bullmq';
import { BacktestJobRunner } from './backtest-job.runner.js';
import { BacktestQueue } from './backtest-queue.js';

const QUEUE_NAME = 'backtests';

export interface BullmqQueueOptions {
  readonly redisUrl: string;
  /** Namespaces the queue's Redis keys (several deployments, or test runs, on one Redis). */
  readonly prefix: string;
  readonly concurrency: number;
}

/**
 * Jobs on a BullMQ queue in Redis, taken by a BullMQ worker in this process that runs them on the same
 * worker pool; the queue outlives the process, and another process can take jobs from it. A job's data is
 * its id only: the stored row says what to run.
 */
export class BullmqBacktestQueue
  extends BacktestQueue
  implements OnApplicationBootstrap, OnApplicationShutdown
{
  readonly durable = true;
  private readonly logger = new Logger(BullmqBacktestQueue.name);
  private readonly queue: Queue<{ id: string }>;
  private worker: Worker<{ id: string }> | undefined;

  constructor(
    private readonly runner: BacktestJobRunner,
    private readonly options: BullmqQueueOptions,
  ) {
    super();
    this.queue = new Queue(QUEUE_NAME, { connection: { url: options.redisUrl }, prefix: options.prefix });
  }

  async enqueue(id: string): Promise<void> {
    // The job id is the backtest's: a retried submission cannot queue one backtest twice.
    await this.queue.add('run', { id }, { jobId: id, removeOnComplete: true, removeOnFail: 1000 });
  }

  /** Takes jobs only once the app is up: the start-up sweep of abandoned jobs has run by then. */
  onApplicationBootstrap(): void {
    this.worker = new Worker(QUEUE_NAME, (job) => this.runner.run(job.data.id), {
      // BullMQ's blocking connection must retry forever rather than fail a command.
      connection: { url: this.options.redisUrl, maxRetriesPerRequest: null },
      prefix: this.options.prefix,
      concurrency: this.options.concurrency,
      // A sweep holds the event loop only between tasks, but the lock must outlive a long database write.
      lockDuration: 60_000,
    });
    this.worker.on('error', (error) => this.logger.warn(`BullMQ worker: ${error.message}`));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close(true);
    await this.queue.close();
  }
}
