/**
 * The kill switch turned on with `cancelOpenOrders`: the orders module, which owns order state, cancels
 * every open order of the account through its state machine and answers with a {@link CancelReport}.
 * An event, because orders already depends on risk (every order passes its checks).
 */
export const KILL_SWITCH_ENGAGED = 'risk.kill-switch.engaged';

export class KillSwitchEngaged {
  constructor(
    readonly account: string,
    /** Recorded on each cancelled order's event: who turned the switch and why. */
    readonly cause: string,
  ) {}
}

/** An open order the broker would not cancel, and what it said. */
export interface CancelFailure {
  readonly brokerOrderId: string;
  readonly clientOrderId: string;
  readonly symbol: string;
  readonly error: string;
}

/** What cancelling every open order achieved. */
export interface CancelReport {
  /** Orders this call cancelled. */
  readonly cancelled: number;
  /** Orders that closed on their own meanwhile (filled, or cancelled with their bracket entry). */
  readonly alreadyClosed: number;
  readonly failed: readonly CancelFailure[];
}
