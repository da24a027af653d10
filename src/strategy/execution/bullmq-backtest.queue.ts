import {
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Queue, WaitingError, Worker, type Job } from 'bullmq';
import { BacktestJobRunner } from './backtest-job.runner.js';
import { BacktestQueue } from './backtest-queue.js';

export const BACKTEST_QUEUE_NAME = 'backtests';

export interface BullmqQueueOptions {
  readonly redisUrl: string;
  /** Namespaces the queue's Redis keys (several deployments, or test runs, on one Redis). */
  readonly prefix: string;
  readonly concurrency: number;
  /**
   * Whether this process takes jobs (runs a BullMQ worker) or only queues them, leaving them to the
   * backtest worker processes.
   */
  readonly takesJobs: boolean;
}

type BacktestJob = Job<{ id: string }>;

/**
 * Jobs on a BullMQ queue in Redis. The queue outlives the process, and any process on it (an API server
 * that takes jobs, or a backtest worker) may run a job on its worker pool. A job's data is its id only: the
 * stored row says what to run.
 */
export class BullmqBacktestQueue
  extends BacktestQueue
  implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
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
    this.queue = new Queue(BACKTEST_QUEUE_NAME, {
      connection: { url: options.redisUrl },
      prefix: options.prefix,
    });
  }

  async enqueue(id: string): Promise<void> {
    // The job id is the backtest's: a retried submission cannot queue one backtest twice.
    await this.queue.add('run', { id }, { jobId: id, removeOnComplete: true, removeOnFail: 1000 });
  }

  /** Takes jobs only once the app is up: the start-up sweep of abandoned jobs has run by then. */
  onApplicationBootstrap(): void {
    if (!this.options.takesJobs) {
      this.logger.log(
        `Backtest jobs are queued for the backtest workers (prefix "${this.options.prefix}"); ` +
          'this server runs none (EDGERUNNER_BACKTEST_WORKER=false)',
      );
      return;
    }
    this.worker = new Worker(
      BACKTEST_QUEUE_NAME,
      (job: BacktestJob, token?: string) => this.process(job, token),
      {
        // BullMQ's blocking connection must retry forever rather than fail a command.
        connection: { url: this.options.redisUrl, maxRetriesPerRequest: null },
        prefix: this.options.prefix,
        concurrency: this.options.concurrency,
        // A sweep holds the event loop only between tasks, but the lock must outlive a long database write.
        lockDuration: 60_000,
      },
    );
    this.worker.on('error', (error) => this.logger.warn(`BullMQ worker: ${error.message}`));
    // Not awaited: a Redis still coming up must not hold the start, BullMQ connects when it answers.
    this.worker.once('ready', () =>
      this.logger.log(
        `Taking backtest jobs from the queue (prefix "${this.options.prefix}"), ` +
          `${this.options.concurrency} at a time`,
      ),
    );
  }

  /**
   * Before anything closes (the runner has stopped its jobs by now): BullMQ takes no more jobs and waits
   * for the running ones to hand theirs back, while the database and Redis are still open to do it.
   */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }

  private async process(job: BacktestJob, token: string | undefined): Promise<void> {
    if ((await this.runner.run(job.data.id)) === 'done') return;
    // Cut off by this process's shutdown: back to waiting, unfailed, for the next worker to run from the
    // start, rather than left locked until BullMQ finds it stalled.
    await this.runner.requeue(job.data.id);
    await job.moveToWait(token);
    throw new WaitingError();
  }
}
