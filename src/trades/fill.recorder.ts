import { Inject, Injectable, Logger, Optional, type BeforeApplicationShutdown } from '@nestjs/common';
import type { Subscription } from 'rxjs';
import type { Fill } from '#brokers';
import { AccountRegistry } from '../broker/account-registry.js';
import {
  DEFAULT_FILL_RECORDER_OPTIONS,
  FILL_RECORDER_OPTIONS,
  type FillRecorderOptions,
} from './fill-recorder.options.js';
import { FillRepository, type FillInsertOutcome } from './fill.repository.js';
import { GroupCommit, retryWithBackoff, SerialQueue } from '#async';

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Execution ids for a log line: all of a few, the first few of many. */
function describe(fills: readonly Fill[]): string {
  const ids = fills.slice(0, 5).map((fill) => fill.executionId);
  return fills.length > ids.length
    ? `${ids.join(', ')} and ${fills.length - ids.length} more`
    : ids.join(', ');
}

/**
 * Writes every fill the brokers report into the trade log, once. Writes go through one queue per process,
 * so a fill is never raced by its own duplicate; a failed write is retried with backoff, and a write that
 * still fails is logged at error level with the fills themselves, so nothing is lost without a trace
 * (reconciliation with the broker stores it later).
 */
@Injectable()
export class FillRecorder implements BeforeApplicationShutdown {
  private readonly logger = new Logger(FillRecorder.name);
  private readonly queue = new SerialQueue();
  private readonly subscription: Subscription;
  private readonly relinks = new Set<NodeJS.Timeout>();
  /** Fills the brokers report in one turn of the event loop are stored with one insert per account. */
  private readonly reported = new GroupCommit<{ readonly account: string; readonly fill: Fill }, void>(
    async (reports) => {
      const byAccount = new Map<string, Fill[]>();
      for (const { account, fill } of reports)
        byAccount.set(account, [...(byAccount.get(account) ?? []), fill]);
      // A write that still fails after its retries is logged in store(); the reports are settled either way.
      await Promise.all(
        [...byAccount].map(([account, fills]) => this.record(account, fills).catch(() => undefined)),
      );
      return reports.map(() => undefined);
    },
  );

  constructor(
    registry: AccountRegistry,
    private readonly fills: FillRepository,
    @Optional()
    @Inject(FILL_RECORDER_OPTIONS)
    private readonly options: FillRecorderOptions = DEFAULT_FILL_RECORDER_OPTIONS,
  ) {
    // Subscribed here, not in onModuleInit: the registry connects its accounts in its own onModuleInit,
    // which runs first, and a broker may report executions as soon as it is connected.
    this.subscription = registry.events.subscribe((event) => {
      if (event.type === 'fill') void this.reported.submit({ account: event.account, fill: event.fill });
    });
  }

  /**
   * Stores `fills` of `account` after every write queued before; fills stored already are skipped.
   * Rejects only once every retry has failed (and that was logged).
   */
  record(account: string, fills: readonly Fill[]): Promise<FillInsertOutcome> {
    if (fills.length === 0) return Promise.resolve({ inserted: 0, unlinked: [] });
    return this.queue.run(() => this.store(account, fills));
  }

  /** Stops listening and lets the queued writes finish before the database closes. */
  async beforeApplicationShutdown(): Promise<void> {
    this.subscription.unsubscribe();
    await this.reported.drained();
    for (const timer of this.relinks) clearTimeout(timer);
    this.relinks.clear();
    await this.queue.drained();
  }

  private async store(account: string, fills: readonly Fill[]): Promise<FillInsertOutcome> {
    const { attempts, baseDelayMs, maxDelayMs } = this.options;
    let outcome: FillInsertOutcome;
    try {
      outcome = await retryWithBackoff(() => this.fills.insert(account, fills), {
        attempts,
        baseDelayMs,
        maxDelayMs,
        onRetry: (error, attempt, delayMs) =>
          this.logger.warn(
            `Storing fill ${describe(fills)} of "${account}" failed (try ${attempt} of ${attempts}), ` +
              `retrying in ${delayMs} ms: ${errorText(error)}`,
          ),
      });
    } catch (error) {
      this.logger.error(
        `Fill ${describe(fills)} of "${account}" NOT stored after ${attempts} tries: ${errorText(error)}. ` +
          `Fills: ${JSON.stringify(fills)}`,
      );
      throw error;
    }
    if (outcome.unlinked.length > 0) this.relinkLater(account, outcome.unlinked);
    return outcome;
  }

  /** One more look for the orders of fills stored without one; the fills themselves are safe already. */
  private relinkLater(account: string, executionIds: readonly string[]): void {
    const timer = setTimeout(() => {
      this.relinks.delete(timer);
      this.queue
        .run(() => this.fills.linkOrders(account, executionIds))
        .then(
          (still) => {
            if (still.length > 0)
              this.logger.debug(`Fill ${still.join(', ')} of "${account}" matches no Edgerunner order`);
          },
          (error: unknown) =>
            this.logger.warn(`Linking fills of "${account}" to their orders failed: ${errorText(error)}`),
        );
    }, this.options.relinkDelayMs);
    // A pending second look must not keep a finished process alive.
    timer.unref();
    this.relinks.add(timer);
  }
}
