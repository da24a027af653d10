import { SingleFlight } from '#async';
import type { DecimalString } from '#brokers';
import type { KillSwitchState } from './kill-switch-state.js';
import type { RiskClock } from './risk-clock.js';
import type { RiskDay } from './risk-day.js';
import type { RiskStateChanges } from './risk-state-changes.js';
import { RiskStateRepository } from './risk-state.repository.js';

/**
 * How long a cached read may be served without hearing of a change: the bound on staleness should an
 * announcement from another replica be lost. Changes made through this process are seen at once.
 */
export const RISK_STATE_MAX_AGE_MS = 1000;

interface Cached<T> {
  readonly value: T;
  readonly readAt: number;
}

/** What is cached of one account; replaced whole when the account's state changes. */
interface AccountEntry {
  killSwitch?: Cached<KillSwitchState>;
  readonly days: Map<string, Cached<RiskDay | undefined>>;
}

/**
 * The risk state every order is checked against, kept in memory instead of read per order. Every write
 * goes to the store first and is then announced, which drops the account's entry in this process and in
 * every replica; a read racing a write is not cached, so an older value never overwrites a newer one.
 */
export class CachedRiskStateRepository extends RiskStateRepository {
  private readonly entries = new Map<string, AccountEntry>();
  /** Bumped by every change of an account: a read that started under an older one is not kept. */
  private readonly generations = new Map<string, number>();
  private readonly reads = new SingleFlight<string, unknown>();

  constructor(
    private readonly store: RiskStateRepository,
    private readonly changes: RiskStateChanges,
    private readonly clock: RiskClock,
  ) {
    super();
    changes.listen(
      (account) => this.forget(account),
      () => this.forgetAll(),
    );
  }

  killSwitch(account: string): Promise<KillSwitchState> {
    const cached = this.entries.get(account)?.killSwitch;
    if (cached && this.fresh(cached)) return Promise.resolve(cached.value);
    return this.read(
      account,
      'kill-switch',
      () => this.store.killSwitch(account),
      (entry, value) => {
        entry.killSwitch = value;
      },
    );
  }

  async saveKillSwitch(account: string, state: KillSwitchState): Promise<void> {
    await this.written(account, this.store.saveKillSwitch(account, state));
  }

  findDay(account: string, day: string): Promise<RiskDay | undefined> {
    const cached = this.entries.get(account)?.days.get(day);
    if (cached && this.fresh(cached)) return Promise.resolve(cached.value);
    return this.read(
      account,
      day,
      () => this.store.findDay(account, day),
      (entry, value) => {
        entry.days.set(day, value);
      },
    );
  }

  startDay(account: string, day: string, equity: DecimalString, at: Date): Promise<RiskDay> {
    return this.written(account, this.store.startDay(account, day, equity, at));
  }

  tripDay(account: string, day: string, pnl: DecimalString, at: Date): Promise<RiskDay> {
    return this.written(account, this.store.tripDay(account, day, pnl, at));
  }

  private fresh(cached: Cached<unknown>): boolean {
    return this.clock() - cached.readAt < RISK_STATE_MAX_AGE_MS;
  }

  /** Concurrent reads of one thing share one query, but only within one generation of the account. */
  private async read<T>(
    account: string,
    what: string,
    load: () => Promise<T>,
    keep: (entry: AccountEntry, value: Cached<T>) => void,
  ): Promise<T> {
    const generation = this.generations.get(account) ?? 0;
    const readAt = this.clock();
    const key = `${account}\u0000${generation}\u0000${what}`;
    const value = (await this.reads.run(key, load)) as T;
    if ((this.generations.get(account) ?? 0) === generation) {
      let entry = this.entries.get(account);
      if (!entry) this.entries.set(account, (entry = { days: new Map() }));
      keep(entry, { value, readAt });
    }
    return value;
  }

  /** Forgets the account before and after the write, so no read racing it is kept, then tells everyone. */
  private async written<T>(account: string, write: Promise<T>): Promise<T> {
    this.forget(account);
    try {
      return await write;
    } finally {
      await this.changes.announce(account);
    }
  }

  private forget(account: string): void {
    this.entries.delete(account);
    this.generations.set(account, (this.generations.get(account) ?? 0) + 1);
  }

  private forgetAll(): void {
    for (const account of [...this.entries.keys()]) this.forget(account);
  }
}
