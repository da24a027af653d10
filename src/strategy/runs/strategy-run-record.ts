import type { ParameterValues } from '#backtest/strategy/parameter-schema.js';

/**
 * `warming_up` while the history loads, `running` while bars drive it, `paused` while its account is
 * away (it goes on by itself when the account is back), `stopped` when asked, `failed` when it cannot go
 * on (its reason says why).
 */
export const RUN_STATUSES = ['warming_up', 'running', 'paused', 'stopped', 'failed'] as const;
export type StrategyRunStatus = (typeof RUN_STATUSES)[number];
/** Runs a restart picks up again. */
export const ACTIVE_RUN_STATUSES: readonly StrategyRunStatus[] = ['warming_up', 'running', 'paused'];

/** How a run sizes an order the strategy leaves the quantity of open: as a backtest does. */
export type RunSizing =
  | { readonly kind: 'fixed'; readonly quantity: string }
  | { readonly kind: 'percent_of_equity'; readonly percent: number };

export interface StrategyRunRecord {
  readonly id: string;
  readonly strategy: string;
  readonly account: string;
  readonly symbol: string;
  readonly timeframe: string;
  readonly parameters: ParameterValues;
  readonly sizing: RunSizing;
  readonly status: StrategyRunStatus;
  readonly statusReason: string | null;
  readonly lastBarTime: string | null;
  readonly createdAt: string;
  readonly stoppedAt: string | null;
}

/** An order a run placed: the bar and signal index its client order id comes from. */
export interface RunOrderLink {
  readonly runId: string;
  readonly clientOrderId: string;
  readonly barTime: string;
  readonly signalIndex: number;
  readonly tag: string | null;
}
