import type { BacktestStatistics } from '#backtest/statistics/backtest-statistics.js';
import type { ParameterValues } from '#backtest/strategy/parameter-schema.js';
import type { BacktestRecord, CombinationResult } from './backtest-record.js';
import type { RankingStatistic } from './ranking-statistic.js';

/** A completed job's outcome, stored in one transaction. */
export interface BacktestOutcome {
  readonly parameters: ParameterValues;
  readonly statistics: BacktestStatistics;
  readonly bars: number;
  /** The (best) run's curves and trades, encoded by result-codec. */
  readonly result: Buffer;
  readonly combinations: readonly CombinationResult[];
  readonly finishedAt: Date;
}

/** A strategy's best stored combination by one statistic. */
export interface BenchmarkRow {
  readonly strategy: string;
  readonly backtestId: string;
  readonly symbol: string;
  readonly timeframe: string | null;
  readonly parameters: ParameterValues;
  readonly statistics: BacktestStatistics;
  readonly finishedAt: string;
}

export interface BenchmarkFilter {
  readonly by: RankingStatistic;
  readonly symbol?: string;
  readonly timeframe?: string;
  readonly limit: number;
}

/**
 * Where backtest jobs are kept. Every status change is conditional on the status it leaves, so a cancel and
 * a finishing worker (maybe in another process) cannot both win.
 */
export abstract class BacktestRepository {
  abstract insert(record: BacktestRecord): Promise<void>;
  abstract findById(id: string): Promise<BacktestRecord | undefined>;
  /** Newest first, strictly after `after` when given. */
  abstract list(limit: number, after?: { createdAt: string; id: string }): Promise<BacktestRecord[]>;
  /** queued → running; false when the job is no longer queued (cancelled meanwhile). */
  abstract start(id: string, at: Date): Promise<boolean>;
  /** Records progress of a running job; false when it is no longer running (cancelled, maybe elsewhere). */
  abstract heartbeat(id: string, progress: number, at: Date): Promise<boolean>;
  /** running → completed with its outcome; false when it is no longer running. */
  abstract complete(id: string, outcome: BacktestOutcome): Promise<boolean>;
  /** queued or running → failed or cancelled; the record as it is now, or undefined when unknown. */
  abstract finish(
    id: string,
    status: 'failed' | 'cancelled',
    error: string | null,
    at: Date,
  ): Promise<BacktestRecord | undefined>;
  /**
   * running → queued, its start and progress cleared, for another worker to run it from the start; the
   * record as it is now, or undefined when it was not running (cancelled meanwhile, or unknown).
   */
  abstract requeue(id: string): Promise<BacktestRecord | undefined>;
  /** The encoded result of a completed job. */
  abstract readResult(id: string): Promise<Buffer | undefined>;
  /** A job's combinations, best first by `by` (those where it is undefined last). */
  abstract rankedCombinations(
    id: string,
    by: RankingStatistic,
    limit: number,
    offset: number,
  ): Promise<CombinationResult[]>;
  /**
   * Fails the jobs left queued or running (those running with a heartbeat before `staleBefore`, when given)
   * with `reason`; returns their ids.
   */
  abstract failAbandoned(
    reason: string,
    at: Date,
    options: { includeQueued: boolean; staleBefore: Date },
  ): Promise<string[]>;
  /** Each strategy's best completed combination by `filter.by`, the strategies best first. */
  abstract bestPerStrategy(filter: BenchmarkFilter): Promise<BenchmarkRow[]>;
}
