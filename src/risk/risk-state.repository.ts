import type { DecimalString } from '#brokers';
import type { KillSwitchState } from './kill-switch-state.js';
import type { RiskDay } from './risk-day.js';

/** Where the risk state that must survive a restart is kept: kill switches and each day's baseline and trip. */
export abstract class RiskStateRepository {
  /** The account's kill switch; off when it was never set. */
  abstract killSwitch(account: string): Promise<KillSwitchState>;
  abstract saveKillSwitch(account: string, state: KillSwitchState): Promise<void>;
  abstract findDay(account: string, day: string): Promise<RiskDay | undefined>;
  /**
   * Records `equity` as the day's start unless a start is recorded already (by this or another replica);
   * returns the recorded day, which keeps the first baseline.
   */
  abstract startDay(account: string, day: string, equity: DecimalString, at: Date): Promise<RiskDay>;
  /** Marks the day tripped unless it is already; returns the day with its first trip. */
  abstract tripDay(account: string, day: string, pnl: DecimalString, at: Date): Promise<RiskDay>;
}
