import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Subscription } from 'rxjs';
import { GroupCommit } from '#async';
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
  /**
   * One snapshot per account after the fills of one event-loop turn, taken once they are all booked: a
   * burst of fills is one step of the equity curve, not one write per fill.
   */
  private readonly afterFills = new GroupCommit<string, void>(async (accounts) => {
    await Promise.all([...new Set(accounts)].map((account) => this.record(account)));
    return accounts.map(() => undefined);
  });

  constructor(
    private readonly registry: AccountRegistry,
    private readonly live: LiveStateService,
    private readonly snapshots: EquitySnapshotRepository,
    private readonly config: ConfigService<Configuration, true>,
  ) {}

  onApplicationBootstrap(): void {
    const { equitySnapshotIntervalMs } = this.config.get('sync', { infer: true });
    this.subscription = this.live.fillsBooked.subscribe((account) => void this.afterFills.submit(account));
    this.recordAll();
    this.timer = setInterval(() => this.recordAll(), equitySnapshotIntervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    this.subscription?.unsubscribe();
    await this.afterFills.drained();
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

  private recordAll(): void {
    for (const { config } of this.registry.list()) void this.record(config.name);
  }
}
