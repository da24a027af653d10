import type { DecimalString } from '#brokers';
import { CachedRiskStateRepository, RISK_STATE_MAX_AGE_MS } from './cached-risk-state.repository.js';
import { KILL_SWITCH_OFF, type KillSwitchState } from './kill-switch-state.js';
import type { RiskDay } from './risk-day.js';
import { LocalRiskStateChanges } from './risk-state-changes.js';
import { RiskStateRepository } from './risk-state.repository.js';

const ON: KillSwitchState = {
  ...KILL_SWITCH_OFF,
  enabled: true,
  reason: 'halt',
  changedAt: '2026-12-02T00:00:00.000Z',
};

/** A store that counts its reads and can hold one read back until released. */
class CountingStore extends RiskStateRepository {
  reads = 0;
  switches = new Map<string, KillSwitchState>();
  days = new Map<string, RiskDay>();
  private held: (() => void) | null = null;
  holdNextRead = false;

  async killSwitch(account: string): Promise<KillSwitchState> {
    this.reads++;
    const value = this.switches.get(account) ?? KILL_SWITCH_OFF;
    if (this.holdNextRead) {
      this.holdNextRead = false;
      await new Promise<void>((resolve) => (this.held = resolve));
    }
    return value;
  }
  saveKillSwitch(account: string, state: KillSwitchState): Promise<void> {
    this.switches.set(account, state);
    return Promise.resolve();
  }
  findDay(account: string, day: string): Promise<RiskDay | undefined> {
    this.reads++;
    return Promise.resolve(this.days.get(`${account}/${day}`));
  }
  startDay(account: string, day: string, equity: DecimalString, at: Date): Promise<RiskDay> {
    const started = {
      account,
      day,
      startEquity: equity,
      startedAt: at.toISOString(),
      trippedAt: null,
      trippedPnl: null,
    };
    this.days.set(`${account}/${day}`, started);
    return Promise.resolve(started);
  }
  tripDay(account: string, day: string, pnl: DecimalString, at: Date): Promise<RiskDay> {
    const tripped = { ...this.days.get(`${account}/${day}`)!, trippedAt: at.toISOString(), trippedPnl: pnl };
    this.days.set(`${account}/${day}`, tripped);
    return Promise.resolve(tripped);
  }
  release(): void {
    this.held?.();
  }
}

function setup() {
  let now = 1_000_000;
  const store = new CountingStore();
  const changes = new LocalRiskStateChanges();
  const cache = new CachedRiskStateRepository(store, changes, () => now);
  return { store, changes, cache, advance: (ms: number) => (now += ms) };
}

describe('CachedRiskStateRepository', () => {
  it('answers repeated checks of an account from memory, one read for many orders', async () => {
    const { store, cache } = setup();
    for (let i = 0; i < 100; i++) expect(await cache.killSwitch('paper')).toEqual(KILL_SWITCH_OFF);
    expect(store.reads).toBe(1);
  });

  it('sees its own kill switch at once: the next order after the switch is refused', async () => {
    const { cache } = setup();
    await cache.killSwitch('paper');
    await cache.saveKillSwitch('paper', ON);
    expect(await cache.killSwitch('paper')).toEqual(ON);
  });

  it('drops an account when another replica announces a change of it', async () => {
    const { store, changes, cache } = setup();
    await cache.killSwitch('paper');
    await cache.killSwitch('other');
    store.switches.set('paper', ON); // written by the other replica
    await changes.announce('paper');
    expect(await cache.killSwitch('paper')).toEqual(ON);
    expect(store.reads).toBe(3);
    await cache.killSwitch('other');
    expect(store.reads).toBe(3);
  });

  it(`re-reads after ${RISK_STATE_MAX_AGE_MS} ms even when no announcement came`, async () => {
    const { store, cache, advance } = setup();
    await cache.killSwitch('paper');
    store.switches.set('paper', ON);
    advance(RISK_STATE_MAX_AGE_MS - 1);
    expect((await cache.killSwitch('paper')).enabled).toBe(false);
    advance(1);
    expect((await cache.killSwitch('paper')).enabled).toBe(true);
  });

  it('never keeps a read that raced a write: the older value does not come back', async () => {
    const { store, cache } = setup();
    store.holdNextRead = true;
    const racing = cache.killSwitch('paper'); // reads OFF, then waits
    await cache.saveKillSwitch('paper', ON);
    store.release();
    expect((await racing).enabled).toBe(false);
    expect(await cache.killSwitch('paper')).toEqual(ON);
  });

  it('keeps a day not started yet, and forgets it once the day starts or trips', async () => {
    const { store, cache } = setup();
    expect(await cache.findDay('paper', '2026-12-02')).toBeUndefined();
    expect(await cache.findDay('paper', '2026-12-02')).toBeUndefined();
    expect(store.reads).toBe(1);
    await cache.startDay('paper', '2026-12-02', '1000', new Date());
    expect((await cache.findDay('paper', '2026-12-02'))?.startEquity).toBe('1000');
    await cache.tripDay('paper', '2026-12-02', '-60', new Date());
    expect((await cache.findDay('paper', '2026-12-02'))?.trippedPnl).toBe('-60');
  });
});
