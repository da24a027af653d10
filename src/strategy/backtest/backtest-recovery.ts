import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { BacktestQueue } from '../execution/backtest-queue.js';
import { BacktestRepository } from './backtest.repository.js';

export const INTERRUPTED_REASON = 'interrupted by a restart';

/** A job whose heartbeat is older than this has nobody running it (the runner beats every 500 ms). */
const STALE_AFTER_MS = 30_000;

/**
 * At start-up, jobs a previous process left unfinished are marked failed, saying why, so nobody polls a
 * `running` job forever. With an in-process queue every queued or running job died with its process; with
 * BullMQ the queued ones are still in Redis and another process may be running some, so only running jobs
 * whose heartbeat stopped are.
 */
@Injectable()
export class BacktestRecovery implements OnModuleInit {
  private readonly logger = new Logger(BacktestRecovery.name);

  constructor(
    private readonly repository: BacktestRepository,
    private readonly queue: BacktestQueue,
  ) {}

  async onModuleInit(): Promise<void> {
    const now = new Date();
    const failed = await this.repository.failAbandoned(`Backtest ${INTERRUPTED_REASON}`, now, {
      includeQueued: !this.queue.durable,
      staleBefore: this.queue.durable ? new Date(now.getTime() - STALE_AFTER_MS) : now,
    });
    if (failed.length > 0)
      this.logger.warn(`${failed.length} backtest job(s) ${INTERRUPTED_REASON}: marked failed`);
  }
}
