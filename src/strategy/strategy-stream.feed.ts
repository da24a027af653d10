import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { Subscription } from 'rxjs';
import { ServerWideStreams } from '../sync/stream/server-wide-streams.js';
import type { SignalOutcome } from './signals/signal-outcomes.js';
import { SignalOutcomes } from './signals/signal-outcomes.js';
import { StrategyRunEvents } from './runs/strategy-run-events.js';
import { StrategyRunRepository } from './runs/strategy-run.repository.js';

/** Runs in the snapshot (the newest: every active one in practice) and signals kept for it. */
const SNAPSHOT_RUNS = 20;
const SNAPSHOT_SIGNALS = 50;

/**
 * Feeds the /ws/broker `strategies` channel: a snapshot of the newest runs and the last signals, then
 * each run's state change (`kind: 'run'`) and each signal with what became of it (`kind: 'signal'`).
 */
@Injectable()
export class StrategyStreamFeed implements OnModuleInit, OnModuleDestroy {
  private readonly subscriptions = new Subscription();
  private readonly recentSignals: SignalOutcome[] = [];

  constructor(
    private readonly stream: ServerWideStreams,
    private readonly runs: StrategyRunEvents,
    private readonly signals: SignalOutcomes,
    private readonly repository: StrategyRunRepository,
  ) {}

  onModuleInit(): void {
    this.stream.setSnapshotSource('strategies', async () => ({
      runs: await this.repository.list(SNAPSHOT_RUNS),
      signals: [...this.recentSignals],
    }));
    this.subscriptions.add(
      this.runs.changes.subscribe((run) => this.stream.publish('strategies', { kind: 'run', run })),
    );
    this.subscriptions.add(
      this.signals.outcomes.subscribe((signal) => {
        this.recentSignals.push(signal);
        if (this.recentSignals.length > SNAPSHOT_SIGNALS) this.recentSignals.shift();
        this.stream.publish('strategies', { kind: 'signal', signal });
      }),
    );
  }

  onModuleDestroy(): void {
    this.subscriptions.unsubscribe();
  }
}
