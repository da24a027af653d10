import type { BacktestFeed } from '../source/backtest-data-source.js';

/**
 * Where submitted jobs wait for the worker pool: in this process by default, a BullMQ queue on Redis when
 * REDIS_URL is set. Either way the job itself is the stored row; the queue carries only its id.
 */
export abstract class BacktestQueue {
  /**
   * Queues job `id` (stored as `queued`). `feed` holds the bars the submission read; a queue that hands the
   * job to another process drops it and the job reads them again (from the candle cache by then).
   */
  abstract enqueue(id: string, feed: BacktestFeed): Promise<void>;

  /** Whether a job left queued by a previous process may still run (its queue outlived the process). */
  abstract readonly durable: boolean;
}
