/** Whether the account takes new orders at all, and who decided so, when and why. */
export interface KillSwitchState {
  readonly enabled: boolean;
  readonly reason: string | null;
  /** Name of the API key that last flipped it. */
  readonly changedBy: string | null;
  readonly changedByKeyId: string | null;
  readonly changedAt: string | null;
}

/** An account whose kill switch was never touched. */
export const KILL_SWITCH_OFF: KillSwitchState = {
  enabled: false,
  reason: null,
  changedBy: null,
  changedByKeyId: null,
  changedAt: null,
};
