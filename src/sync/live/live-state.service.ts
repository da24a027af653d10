import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Subject, type Observable, type Subscription } from 'rxjs';
import { SingleFlight } from '#async';
import type { BrokerEvent, ConnectionStatus } from '#brokers';
import { AccountRegistry } from '../../broker/account-registry.js';
import { DegradedAccounts } from '../../orders/reconciliation/degraded-accounts.js';
import type { Configuration } from '../../config/configuration.js';
import { EquitySnapshotRepository, type EquitySnapshot } from '../equity-snapshot.repository.js';
import { AccountLiveState } from './account-live-state.js';
import type { LiveUpdate } from './live-update.js';
import type { AccountStateView, PnlView, PositionsView, PriceView } from './live-views.js';

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));
/** Compares two states for "did anything a subscriber sees change", ignoring the stamp of when. */
const sameState = (a: object, b: object): boolean =>
  JSON.stringify({ ...a, updatedAt: 0 }) === JSON.stringify({ ...b, updatedAt: 0 });

/**
 * Every account's live state: the broker's event stream merged with polling (summary and positions) on a
 * timer, for brokers or figures that are not pushed. A failing poll is logged and the loop goes on; an
 * account whose broker is down says so and recovers on its own when the adapter reconnects.
 */
@Injectable()
export class LiveStateService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(LiveStateService.name);
  private readonly states = new Map<string, AccountLiveState>();
  private readonly subject = new Subject<LiveUpdate>();
  private readonly settledFills = new Subject<string>();
  private readonly subscription: Subscription;
  private readonly pollTimers = new Map<string, NodeJS.Timeout>();
  private readonly polling = new SingleFlight<string, void>();
  private readonly pnlTimers = new Map<string, NodeJS.Timeout>();
  private readonly pnlSentAt = new Map<string, number>();
  private readonly lastPublished = new Map<string, object>();
  private readonly pollIntervalMs: number;
  private readonly pnlIntervalMs: number;
  private stopped = false;
  private bootstrapped = false;

  /** Every change, per account and channel, in the order it happened. */
  readonly updates: Observable<LiveUpdate> = this.subject.asObservable();
  /** An account whose fill has been booked (its summary and position with it). */
  readonly fillsBooked: Observable<string> = this.settledFills.asObservable();

  constructor(
    private readonly registry: AccountRegistry,
    private readonly snapshots: EquitySnapshotRepository,
    config: ConfigService<Configuration, true>,
    private readonly degradedAccounts: DegradedAccounts,
  ) {
    ({ pollIntervalMs: this.pollIntervalMs, pnlIntervalMs: this.pnlIntervalMs } = config.get('sync', {
      infer: true,
    }));
    for (const { config: account } of registry.list()) {
      this.states.set(account.name, new AccountLiveState(account.name));
    }
    // Subscribed at construction: accounts connect in the registry's onModuleInit and push at once.
    this.subscription = registry.events.subscribe((event) => this.onEvent(event));
    // The accounts stored over the API join in the registry's onModuleInit, before bootstrap polls them.
    this.subscription.add(
      registry.changes.subscribe(({ account, change }) => {
        if (change === 'added') this.track(account, this.bootstrapped);
        else this.forget(account);
      }),
    );
  }

  /** Keeps live state of an account added at run time, polled from now on once the app is up. */
  private track(account: string, pollNow: boolean): void {
    this.states.set(account, new AccountLiveState(account));
    if (!pollNow) return;
    void this.poll(account);
    this.schedulePoll(account);
  }

  /** Drops a removed account's state and timers; a poll in flight finds no state and stops. */
  private forget(account: string): void {
    this.states.delete(account);
    for (const timers of [this.pollTimers, this.pnlTimers]) {
      clearTimeout(timers.get(account));
      timers.delete(account);
    }
    for (const channel of ['account', 'positions', 'pnl'])
      this.lastPublished.delete(`${account}\u0000${channel}`);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.bootstrapped = true;
    const midnight = new Date(new Date().toISOString().slice(0, 10));
    await Promise.all(
      [...this.states.values()].map(async (state) => {
        try {
          const before = await this.snapshots.lastBefore(state.account, midnight);
          if (before) state.seedDayStart(midnight.toISOString().slice(0, 10), before.equity);
        } catch (error) {
          this.logger.warn(`Day start of "${state.account}" not read: ${errorText(error)}`);
        }
        await this.poll(state.account);
        this.schedulePoll(state.account);
      }),
    );
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    this.subscription.unsubscribe();
    for (const timer of [...this.pollTimers.values(), ...this.pnlTimers.values()]) clearTimeout(timer);
    this.pollTimers.clear();
    this.pnlTimers.clear();
    this.subject.complete();
  }

  accountView(account: string): AccountStateView {
    return this.state(account).accountView();
  }

  positionsView(account: string): PositionsView {
    return this.state(account).positionsView();
  }

  pnlView(account: string): PnlView | null {
    return this.state(account).pnlView();
  }

  pricesView(account: string, symbols?: readonly string[]): PriceView[] {
    return this.state(account).pricesView(symbols);
  }

  /** The account's value now, marked to the latest prices, as an equity snapshot would store it. */
  equitySnapshot(account: string): EquitySnapshot | undefined {
    const pnl = this.pnlView(account);
    const summary = this.accountView(account).summary;
    if (!pnl || !summary) return undefined;
    const { balance, equity, unrealizedPnl, realizedPnl } = pnl;
    return {
      account,
      balance,
      equity,
      unrealizedPnl,
      realizedPnl,
      marginUsed: summary.marginUsed,
      at: new Date().toISOString(),
    };
  }

  /** Reads the broker now (one poll at a time per account); never throws. */
  poll(account: string): Promise<void> {
    return this.polling.run(account, () => this.pollOnce(account));
  }

  private async pollOnce(account: string): Promise<void> {
    const state = this.states.get(account);
    if (!state) return;
    const adapter = this.registry.resolve(account);
    this.setConnection(account, adapter.status);
    if (adapter.status !== 'connected') return;
    const startedAt = performance.now();
    try {
      const [summary, positions] = await Promise.all([adapter.getAccountSummary(), adapter.getPositions()]);
      if (this.states.get(account) !== state) return;
      state.replacePositions(positions);
      state.applySummary(summary);
      this.setPollError(account, null);
      this.publishState(account, 'positions');
      this.publishState(account, 'account');
      this.schedulePnl(account);
    } catch (error) {
      const ms = Math.round(performance.now() - startedAt);
      this.logger.warn(`Poll of "${account}" failed after ${ms} ms: ${errorText(error)}`);
      if (this.states.get(account) === state) this.setPollError(account, errorText(error));
    }
  }

  private onEvent(event: BrokerEvent): void {
    const state = this.states.get(event.account);
    if (!state || this.stopped) return;
    switch (event.type) {
      case 'tick':
        if (state.applyTick(event.ticker)) this.schedulePnl(event.account);
        this.subject.next({ account: event.account, channel: 'prices', data: { ticker: event.ticker } });
        return;
      case 'position':
        state.applyPosition(event.position);
        this.publishState(event.account, 'positions');
        this.schedulePnl(event.account);
        return;
      case 'account':
        state.applySummary(event.summary);
        this.publishState(event.account, 'account');
        this.schedulePnl(event.account);
        return;
      case 'fill':
        // The broker books a fill's position and balance right after it: record equity once they landed.
        setImmediate(() => this.settledFills.next(event.account));
        return;
      case 'connection':
        this.setConnection(event.account, event.status);
        if (event.status === 'connected') void this.poll(event.account);
        return;
      case 'order':
        return;
    }
  }

  private setConnection(account: string, status: ConnectionStatus): void {
    const degraded = this.degradedAccounts.reason(account) ?? null;
    if (this.state(account).setConnection(status, degraded)) this.publishState(account, 'account');
  }

  private setPollError(account: string, error: string | null): void {
    if (this.state(account).setPollError(error)) this.publishState(account, 'account');
  }

  private publishState(account: string, channel: 'account' | 'positions'): void {
    const state = this.state(account);
    const data = channel === 'account' ? state.accountView() : state.positionsView();
    const key = `${account}\u0000${channel}`;
    const previous = this.lastPublished.get(key);
    if (previous && sameState(previous, data)) return;
    this.lastPublished.set(key, data);
    if (channel === 'account') this.subject.next({ account, channel, data: data as AccountStateView });
    else this.subject.next({ account, channel, data: data as PositionsView });
  }

  /** PnL moves with every tick; subscribers get it at most once per interval, always the latest. */
  private schedulePnl(account: string): void {
    if (this.pnlTimers.has(account) || this.stopped) return;
    const wait = Math.max(0, (this.pnlSentAt.get(account) ?? 0) + this.pnlIntervalMs - Date.now());
    const timer = setTimeout(() => {
      this.pnlTimers.delete(account);
      this.pnlSentAt.set(account, Date.now());
      const data = this.pnlView(account);
      const key = `${account}\u0000pnl`;
      const previous = this.lastPublished.get(key);
      if (!data || (previous && sameState(previous, data))) return;
      this.lastPublished.set(key, data);
      this.subject.next({ account, channel: 'pnl', data });
    }, wait);
    timer.unref();
    this.pnlTimers.set(account, timer);
  }

  private schedulePoll(account: string): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      void this.poll(account).finally(() => {
        if (this.states.has(account)) this.schedulePoll(account);
      });
    }, this.pollIntervalMs);
    timer.unref();
    this.pollTimers.set(account, timer);
  }

  private state(account: string): AccountLiveState {
    const state = this.states.get(account);
    if (!state) throw new Error(`No live state for account "${account}"`);
    return state;
  }
}
