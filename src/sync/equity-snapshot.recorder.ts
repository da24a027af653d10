import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Subscription } from 'rxjs';
import { AccountRegistry } from '../broker/account-registry.js';
import type { Configuration } from '../config/configuration.js';
import { EquitySnapshotRepository } from './equity-snapshot.repository.js';
import { LiveStateService } from './live/live-state.service.js';

/** Stores each account's equity on a timer and after fills: the live record performance reads. */
@Injectable()
export class EquitySnapshotRecorder implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EquitySnapshotRecorder.name);
  private timer: NodeJS.Timeout | undefined;
  private subscription: Subscription | undefined;
  private writes: Promise<void> = Promise.resolve();
  /** Accounts with fills booked this turn, snapshotted at its end. */
  private readonly filled = new Set<string>();

  constructor(
    private readonly registry: AccountRegistry,
    private readonly live: LiveStateService,
    private readonly snapshots: EquitySnapshotRepository,
    private readonly config: ConfigService<Configuration, true>,
  ) {}

  onApplicationBootstrap(): void {
    const { equitySnapshotIntervalMs } = this.config.get('sync', { infer: true });
    this.subscription = this.live.fillsBooked.subscribe((account) => this.afterFills(account));
    this.recordAll();
    this.timer = setInterval(() => this.recordAll(), equitySnapshotIntervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    this.subscription?.unsubscribe();
    await this.writes;
  }

  /** Stores the account's equity now; a failure is logged and the next snapshot comes regardless. */
  record(account: string): Promise<void> {
    const snapshot = this.live.equitySnapshot(account);
    if (!snapshot) return this.writes;
    this.writes = this.writes
      .then(() => this.snapshots.insert(snapshot))
      .catch((error: unknown) =>
        this.logger.warn(`Equity snapshot of "${account}" not stored: ${(error as Error).message}`),
      );
    return this.writes;
  }

  /**
   * One snapshot per account after the fills of one event-loop turn, taken once they are all booked: a
   * burst of fills is one step of the equity curve, not one write per fill.
   */
  private afterFills(account: string): void {
    if (this.filled.has(account)) return;
    this.filled.add(account);
    if (this.filled.size > 1) return;
    setImmediate(() => {
      const accounts = [...this.filled];
      this.filled.clear();
      for (const name of accounts) void this.record(name);
    });
  }

  private recordAll(): void {
    for (const { config } of this.registry.list()) void this.record(config.name);
  }
}
