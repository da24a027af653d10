import { Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Subscription } from 'rxjs';
import { ServerWideStreams } from '../../sync/stream/server-wide-streams.js';
import { BacktestEvents, toEvent, type BacktestEvent } from './backtest-events.js';
import { BacktestRepository } from './backtest.repository.js';

/** Jobs in the `backtests` snapshot: the newest, which hold every one still queued or running in practice. */
const SNAPSHOT_JOBS = 20;

/** What the `backtests` channel carries of a job: its state and progress, as GET /backtests shows them. */
export type BacktestStreamView = Omit<BacktestEvent, 'progress'> & { readonly progressPercent: number };

function toStreamView(event: BacktestEvent): BacktestStreamView {
  const { progress, ...rest } = event;
  return { ...rest, progressPercent: Math.round(progress * 1000) / 10 };
}

/** Feeds the /ws/broker `backtests` channel: a snapshot of the newest jobs, then each change. */
@Injectable()
export class BacktestStreamFeed implements OnModuleInit, OnApplicationShutdown {
  private subscription: Subscription | undefined;

  constructor(
    private readonly stream: ServerWideStreams,
    private readonly events: BacktestEvents,
    private readonly repository: BacktestRepository,
  ) {}

  onModuleInit(): void {
    this.stream.setSnapshotSource('backtests', async () => ({
      backtests: (await this.repository.list(SNAPSHOT_JOBS)).map((record) => toStreamView(toEvent(record))),
    }));
    this.subscription = this.events.changes.subscribe((event) =>
      this.stream.publish('backtests', toStreamView(event)),
    );
  }

  /**
   * Not at module destroy: jobs stopped by the shutdown are handed back to the queue after that, while
   * BullMQ closes, and subscribers must hear they are queued again.
   */
  onApplicationShutdown(): void {
    this.subscription?.unsubscribe();
  }
}
