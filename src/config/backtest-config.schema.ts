import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

/** Backtest jobs: how large a sweep may be and how many threads run them. */
export class BacktestConfig {
  /**
   * A sweep's grid may expand to at most this many parameter combinations; a larger one is refused with
   * 422 before anything runs (each combination is a whole backtest).
   */
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  maxGridCombinations = 2000;

  /** Worker threads that run backtests (the sweep's combinations in parallel); left out, one per core. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(256)
  workerThreads?: number;

  /** Jobs run at once; the rest wait queued. A sweep already uses every worker thread. */
  @IsInt()
  @Min(1)
  @Max(64)
  concurrentJobs = 2;

  /** With REDIS_URL: the prefix of the BullMQ queue's keys (deployments sharing one Redis each pick one). */
  @Matches(/^[A-Za-z0-9:_-]{1,64}$/, { message: 'queuePrefix must be 1-64 letters, digits or :_-' })
  queuePrefix = 'edgerunner';
}
