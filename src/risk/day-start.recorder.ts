import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AccountRegistry } from '../broker/account-registry.js';
import { DailyLossTracker } from './daily-loss.tracker.js';
import { InjectRiskClock, type RiskClock } from './risk-clock.js';
import { nextUtcMidnight } from './utc-day.js';

/** A little past midnight, so that a broker stamping by its own clock is in the new day too. */
const AFTER_MIDNIGHT_MS = 1_000;

/**
 * Reads the equity of every account with a daily loss limit at start-up and just after each UTC
 * midnight, so that the day's baseline is the equity at the day's start, not at its first order: losses
 * on positions held overnight and before the first order then count. Until a read succeeds, the first
 * order or GET /risk of the day sets the baseline instead.
 */
@Injectable()
export class DayStartRecorder implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DayStartRecorder.name);
  private timer: NodeJS.Timeout | undefined;
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly registry: AccountRegistry,
    private readonly daily: DailyLossTracker,
    @InjectRiskClock() private readonly clock: RiskClock,
  ) {}

  /** Not awaited: a slow broker must not hold up start-up. */
  onApplicationBootstrap(): void {
    this.pending = this.recordAll();
    this.schedule();
  }

  /** Lets a read in flight finish before the database closes. */
  async onApplicationShutdown(): Promise<void> {
    clearTimeout(this.timer);
    await this.pending;
  }

  /** Records today's baseline of each account with a daily loss limit whose broker answers. */
  async recordAll(): Promise<void> {
    const accounts = this.registry.list().filter(({ config }) => config.risk?.dailyLossLimit !== undefined);
    await Promise.all(
      accounts.map(async ({ config, adapter }) => {
        if (adapter.status !== 'connected') return;
        try {
          const { equity } = await adapter.getAccountSummary();
          await this.daily.observe({ account: config.name, equity, limit: config.risk?.dailyLossLimit });
        } catch (error) {
          this.logger.warn(`Day start equity of "${config.name}" not recorded: ${(error as Error).message}`);
        }
      }),
    );
  }

  private schedule(): void {
    const now = this.clock();
    this.timer = setTimeout(
      () => {
        this.pending = this.recordAll().finally(() => this.schedule());
      },
      nextUtcMidnight(now) - now + AFTER_MIDNIGHT_MS,
    );
    // The timer alone must not keep the process (or a test run) alive.
    this.timer.unref();
  }
}
