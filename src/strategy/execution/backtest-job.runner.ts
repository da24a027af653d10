import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { ParameterValues } from '#backtest/strategy/parameter-schema.js';
import type { BacktestRecord } from '../backtest/backtest-record.js';
import { BacktestEvents } from '../backtest/backtest-events.js';
import { BacktestRepository, type BacktestOutcome } from '../backtest/backtest.repository.js';
import { expandGrid } from '../backtest/parameter-grid.js';
import { encodeResult } from '../backtest/result-codec.js';
import { StrategyCatalog } from '../catalog/strategy-catalog.js';
import type { BacktestFeed } from '../source/backtest-data-source.js';
import { StoredBacktestSource } from '../source/stored-backtest.source.js';
import { BacktestPool } from './backtest-pool.js';
import type { BacktestTaskResult } from './backtest-task.js';
import { JobControl } from './job-control.js';
import { shareSeries } from './shared-feed.js';
import { bestIndex } from './sweep-ranking.js';

/** How often a running job stores its progress, pushes it, and checks it was not cancelled elsewhere. */
const HEARTBEAT_MS = 500;

/** The statistic a sweep's best combination is chosen by, whose curves and trades are kept. */
const SWEEP_KEEPS_BEST_BY = 'sharpe';

/**
 * How a run ended for the queue: `done` whatever the job's outcome (completed, failed, cancelled, or not
 * queued any more), `interrupted` when this process's shutdown stopped it before it could finish.
 */
export type RunEnd = 'done' | 'interrupted';

/**
 * Runs one stored job on the worker pool, wherever it was queued from (in-process or BullMQ): loads its
 * bars, runs every combination, stores the outcome. Every status change is conditional in the repository,
 * so a job cancelled meanwhile (here or by another process) is never marked completed.
 */
@Injectable()
export class BacktestJobRunner implements OnModuleDestroy {
  private readonly logger = new Logger(BacktestJobRunner.name);
  private readonly running = new Map<string, JobControl>();
  private stopping = false;

  constructor(
    private readonly repository: BacktestRepository,
    private readonly pool: BacktestPool,
    private readonly source: StoredBacktestSource,
    private readonly catalog: StrategyCatalog,
    private readonly events: BacktestEvents,
  ) {}

  onModuleDestroy(): void {
    // A job cut off by a shutdown is not failed here: its queue requeues it (BullMQ) or the next start
    // marks it interrupted (in process).
    this.stopping = true;
    for (const control of this.running.values()) control.stop();
  }

  /** Stops a job this process runs; its tasks see the flag at their next check. */
  cancel(id: string): void {
    this.running.get(id)?.cancel();
  }

  /**
   * Runs job `id` if it is still queued; `preloaded` spares reading bars the submission already read.
   * Without them the bars are read from the database alone, as any process taking the job would.
   */
  async run(id: string, preloaded?: BacktestFeed): Promise<RunEnd> {
    if (this.stopping) return 'interrupted';
    const record = await this.repository.findById(id);
    if (record?.status !== 'queued') return 'done';
    const startedAt = new Date();
    if (!(await this.repository.start(id, startedAt))) return 'done';
    const started: BacktestRecord = { ...record, status: 'running', startedAt: startedAt.toISOString() };
    this.events.emit(started);
    const combinations = this.combinationsOf(record);
    // A sweep runs its best combination once more to keep its curves: one more task.
    const control = new JobControl(combinations.length + (combinations.length > 1 ? 1 : 0));
    this.running.set(id, control);
    const heartbeat = setInterval(() => void this.beat(started, control), HEARTBEAT_MS);
    try {
      const feed = preloaded ?? (await this.source.load(record.source));
      const outcome = await this.execute(record, combinations, feed, control);
      if (control.cancelled && this.stopping && !control.requested) return 'interrupted';
      if (control.cancelled) await this.end(record, control, null);
      else if (await this.repository.complete(id, outcome)) {
        this.events.emit({
          ...started,
          status: 'completed',
          progress: 1,
          finishedAt: outcome.finishedAt.toISOString(),
        });
      }
    } catch (error) {
      control.stop();
      if (this.stopping) return 'interrupted';
      await this.end(record, control, (error as Error).message);
    } finally {
      clearInterval(heartbeat);
      this.running.delete(id);
    }
    return 'done';
  }

  /**
   * Puts a job this process's shutdown interrupted back to `queued`, from the start, for the queue to hand
   * to another worker. Only a job still running moves: one cancelled meanwhile stays cancelled.
   */
  async requeue(id: string): Promise<void> {
    const requeued = await this.repository.requeue(id);
    if (requeued) this.events.emit(requeued);
  }

  private combinationsOf(record: BacktestRecord): ParameterValues[] {
    if (record.grid === null) return [record.parameters ?? {}];
    // The stored grid folds the fixed parameters in as one-value lists; it was checked at submission.
    return expandGrid(this.catalog.get(record.strategy), {}, record.grid, Number.MAX_SAFE_INTEGER)
      .combinations;
  }

  private async execute(
    record: BacktestRecord,
    combinations: readonly ParameterValues[],
    feed: BacktestFeed,
    control: JobControl,
  ): Promise<BacktestOutcome> {
    const shared = feed.series.map(shareSeries);
    const run = (parameters: ParameterValues, slot: number, keep: 'statistics' | 'full') =>
      this.pool.run({
        strategy: record.strategy,
        parameters,
        feed: shared,
        settings: record.settings,
        control: control.control,
        progress: control.progress,
        slot,
        keep,
      });
    let results: BacktestTaskResult[];
    let best = 0;
    let full: BacktestTaskResult;
    if (combinations.length === 1) {
      full = await run(combinations[0] ?? {}, 0, 'full');
      results = [full];
    } else {
      results = await Promise.all(
        combinations.map((parameters, slot) => run(parameters, slot, 'statistics')),
      );
      best = bestIndex(
        results.map((result) => result.statistics),
        SWEEP_KEEPS_BEST_BY,
      );
      full = control.cancelled
        ? results[best]!
        : await run(combinations[best] ?? {}, combinations.length, 'full');
    }
    const curves = full.curves ?? {
      time: new Float64Array(),
      equity: new Float64Array(),
      drawdown: new Float64Array(),
      trades: [],
    };
    return {
      parameters: combinations[best] ?? {},
      statistics: full.statistics,
      bars: full.bars,
      result: await encodeResult(curves),
      combinations: results.map((result, index) => ({
        index,
        parameters: combinations[index] ?? {},
        statistics: result.statistics,
      })),
      finishedAt: new Date(),
    };
  }

  /** Ends a job that did not complete: cancelled when someone asked, failed with `error` otherwise. */
  private async end(record: BacktestRecord, control: JobControl, error: string | null): Promise<void> {
    const status = control.requested ? 'cancelled' : 'failed';
    try {
      const now = await this.repository.finish(
        record.id,
        status,
        status === 'failed' ? error : null,
        new Date(),
      );
      if (now) this.events.emit(now);
    } catch (writeError) {
      this.logger.error(
        `Backtest ${record.id} ended (${status}) but could not be stored: ${(writeError as Error).message}`,
      );
    }
  }

  private async beat(record: BacktestRecord, control: JobControl): Promise<void> {
    const progress = control.fraction();
    try {
      // A job no longer running in the database was cancelled, maybe through another process.
      if (!(await this.repository.heartbeat(record.id, progress, new Date()))) {
        control.cancel();
        return;
      }
      this.events.emit({ ...record, status: 'running', progress });
    } catch (error) {
      this.logger.warn(`Backtest ${record.id}: progress not stored: ${(error as Error).message}`);
    }
  }
}
