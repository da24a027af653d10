import type { BacktestSettings } from '#backtest/engine/backtest-settings.js';
import type { BacktestStatistics } from '#backtest/statistics/backtest-statistics.js';
import type { ParameterValues } from '#backtest/strategy/parameter-schema.js';

export const BACKTEST_STATUSES = ['queued', 'running', 'completed', 'failed', 'cancelled'] as const;
export type BacktestStatus = (typeof BACKTEST_STATUSES)[number];

/** Statuses a job leaves only by finishing, failing or being cancelled. */
export const ACTIVE_STATUSES: readonly BacktestStatus[] = ['queued', 'running'];

/** Where a run's bars come from: an account's history over a range, or an uploaded dataset. */
export type BacktestSource =
  | {
      readonly kind: 'account';
      readonly account: string;
      readonly symbols: readonly string[];
      readonly timeframe: string;
      readonly from: string;
      readonly to: string;
    }
  | { readonly kind: 'dataset'; readonly datasetId: string; readonly from?: string; readonly to?: string };

/** A sweep's grid: each parameter with the values tried. */
export type ParameterGrid = Readonly<Record<string, readonly (number | boolean | string)[]>>;

/** A backtest job as stored. Times are UTC ISO 8601. */
export interface BacktestRecord {
  readonly id: string;
  readonly strategy: string;
  /** A single run's parameters; a sweep's best combination once completed (null before). */
  readonly parameters: ParameterValues | null;
  readonly grid: ParameterGrid | null;
  readonly source: BacktestSource;
  readonly symbol: string;
  readonly timeframe: string | null;
  readonly settings: BacktestSettings;
  readonly status: BacktestStatus;
  /** 0..1 */
  readonly progress: number;
  readonly error: string | null;
  readonly combinations: number;
  readonly bars: number | null;
  readonly statistics: BacktestStatistics | null;
  readonly createdAt: string;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
}

/** One parameter combination's outcome; a single run has one (index 0). */
export interface CombinationResult {
  readonly index: number;
  readonly parameters: ParameterValues;
  readonly statistics: BacktestStatistics;
}
