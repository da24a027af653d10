import { Injectable } from '@nestjs/common';
import { and, desc, eq, getTableColumns, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { BacktestSettings } from '#backtest/engine/backtest-settings.js';
import type { BacktestStatistics } from '#backtest/statistics/backtest-statistics.js';
import type { ParameterValues } from '#backtest/strategy/parameter-schema.js';
import { InjectDatabase, type Database } from '../../persistence/database.js';
import { backtestCombinations, backtests } from '../../persistence/schema/index.js';
import {
  ACTIVE_STATUSES,
  type BacktestRecord,
  type BacktestSource,
  type BacktestStatus,
  type CombinationResult,
  type ParameterGrid,
} from './backtest-record.js';
import {
  BacktestRepository,
  type BacktestOutcome,
  type BenchmarkFilter,
  type BenchmarkRow,
} from './backtest.repository.js';
import type { RankingStatistic } from './ranking-statistic.js';

type BacktestRow = Omit<typeof backtests.$inferSelect, 'result'>;

/** Every column but the result blob: listings and status reads never load the curves. */
const { result: _result, ...RECORD_COLUMNS } = getTableColumns(backtests);

const iso = (value: Date | null): string | null => (value === null ? null : value.toISOString());

function toRecord(row: BacktestRow): BacktestRecord {
  return {
    id: row.id,
    strategy: row.strategy,
    parameters: row.parameters as ParameterValues | null,
    grid: row.grid as ParameterGrid | null,
    source: row.source as BacktestSource,
    symbol: row.symbol,
    timeframe: row.timeframe,
    settings: row.settings as BacktestSettings,
    status: row.status as BacktestStatus,
    progress: row.progress,
    error: row.error,
    combinations: row.combinations,
    bars: row.bars,
    statistics: row.statistics as BacktestStatistics | null,
    createdAt: row.createdAt.toISOString(),
    startedAt: iso(row.startedAt),
    finishedAt: iso(row.finishedAt),
  };
}

/** A statistic of a combination as a number for ordering; null where it is undefined for the run. */
function score(by: RankingStatistic): SQL<number | null> {
  return sql<number | null>`(${backtestCombinations.statistics} ->> ${by})::float8`;
}

/** Backtest jobs on PostgreSQL (PGlite or a server). */
@Injectable()
export class DrizzleBacktestRepository extends BacktestRepository {
  constructor(@InjectDatabase() private readonly db: Database) {
    super();
  }

  async insert(record: BacktestRecord): Promise<void> {
    await this.db.insert(backtests).values({
      ...record,
      createdAt: new Date(record.createdAt),
      startedAt: null,
      finishedAt: null,
    });
  }

  async findById(id: string): Promise<BacktestRecord | undefined> {
    const [row] = await this.db.select(RECORD_COLUMNS).from(backtests).where(eq(backtests.id, id));
    return row === undefined ? undefined : toRecord(row);
  }

  async list(limit: number, after?: { createdAt: string; id: string }): Promise<BacktestRecord[]> {
    const rows = await this.db
      .select(RECORD_COLUMNS)
      .from(backtests)
      .where(
        after === undefined
          ? undefined
          : sql`(${backtests.createdAt}, ${backtests.id}) < (${after.createdAt}::timestamptz, ${after.id}::uuid)`,
      )
      .orderBy(desc(backtests.createdAt), desc(backtests.id))
      .limit(limit);
    return rows.map(toRecord);
  }

  async start(id: string, at: Date): Promise<boolean> {
    const rows = await this.db
      .update(backtests)
      .set({ status: 'running', startedAt: at, heartbeatAt: at })
      .where(and(eq(backtests.id, id), eq(backtests.status, 'queued')))
      .returning({ id: backtests.id });
    return rows.length === 1;
  }

  async heartbeat(id: string, progress: number, at: Date): Promise<boolean> {
    const rows = await this.db
      .update(backtests)
      .set({ progress, heartbeatAt: at })
      .where(and(eq(backtests.id, id), eq(backtests.status, 'running')))
      .returning({ id: backtests.id });
    return rows.length === 1;
  }

  async complete(id: string, outcome: BacktestOutcome): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const rows = await tx
        .update(backtests)
        .set({
          status: 'completed',
          progress: 1,
          parameters: outcome.parameters,
          statistics: outcome.statistics,
          bars: outcome.bars,
          result: outcome.result,
          finishedAt: outcome.finishedAt,
          heartbeatAt: outcome.finishedAt,
        })
        .where(and(eq(backtests.id, id), eq(backtests.status, 'running')))
        .returning({ id: backtests.id });
      if (rows.length === 0) return false;
      // Chunks bound the statement's parameters for a sweep of thousands of combinations.
      for (let start = 0; start < outcome.combinations.length; start += 1000) {
        const chunk = outcome.combinations.slice(start, start + 1000);
        await tx
          .insert(backtestCombinations)
          .values(chunk.map((combination) => ({ backtestId: id, ...combination })));
      }
      return true;
    });
  }

  async finish(
    id: string,
    status: 'failed' | 'cancelled',
    error: string | null,
    at: Date,
  ): Promise<BacktestRecord | undefined> {
    await this.db
      .update(backtests)
      .set({ status, error, finishedAt: at })
      .where(and(eq(backtests.id, id), inArray(backtests.status, [...ACTIVE_STATUSES])));
    return this.findById(id);
  }

  async requeue(id: string): Promise<BacktestRecord | undefined> {
    const [row] = await this.db
      .update(backtests)
      .set({ status: 'queued', progress: 0, startedAt: null, heartbeatAt: null })
      .where(and(eq(backtests.id, id), eq(backtests.status, 'running')))
      .returning(RECORD_COLUMNS);
    return row === undefined ? undefined : toRecord(row);
  }

  async readResult(id: string): Promise<Buffer | undefined> {
    const [row] = await this.db
      .select({ result: backtests.result })
      .from(backtests)
      .where(and(eq(backtests.id, id), eq(backtests.status, 'completed')));
    return row?.result ?? undefined;
  }

  async rankedCombinations(
    id: string,
    by: RankingStatistic,
    limit: number,
    offset: number,
  ): Promise<CombinationResult[]> {
    const rows = await this.db
      .select()
      .from(backtestCombinations)
      .where(eq(backtestCombinations.backtestId, id))
      .orderBy(sql`${score(by)} desc nulls last`, backtestCombinations.index)
      .limit(limit)
      .offset(offset);
    return rows.map((row) => ({
      index: row.index,
      parameters: row.parameters as ParameterValues,
      statistics: row.statistics as BacktestStatistics,
    }));
  }

  async failAbandoned(
    reason: string,
    at: Date,
    options: { includeQueued: boolean; staleBefore: Date },
  ): Promise<string[]> {
    const running = and(eq(backtests.status, 'running'), lt(backtests.heartbeatAt, options.staleBefore));
    const rows = await this.db
      .update(backtests)
      .set({ status: 'failed', error: reason, finishedAt: at })
      .where(options.includeQueued ? or(running, eq(backtests.status, 'queued')) : running)
      .returning({ id: backtests.id });
    return rows.map((row) => row.id);
  }

  async bestPerStrategy(filter: BenchmarkFilter): Promise<BenchmarkRow[]> {
    const conditions = [
      eq(backtests.status, 'completed'),
      sql`${score(filter.by)} is not null`,
      filter.symbol === undefined ? undefined : eq(backtests.symbol, filter.symbol),
      filter.timeframe === undefined ? undefined : eq(backtests.timeframe, filter.timeframe),
    ];
    // Each strategy's best combination (DISTINCT ON keeps the first row per strategy), then the strategies
    // ordered by it.
    const best = this.db
      .selectDistinctOn([backtests.strategy], {
        strategy: backtests.strategy,
        backtestId: backtests.id,
        symbol: backtests.symbol,
        timeframe: backtests.timeframe,
        parameters: backtestCombinations.parameters,
        statistics: backtestCombinations.statistics,
        finishedAt: backtests.finishedAt,
        score: score(filter.by).as('score'),
      })
      .from(backtestCombinations)
      .innerJoin(backtests, eq(backtests.id, backtestCombinations.backtestId))
      .where(and(...conditions))
      .orderBy(backtests.strategy, sql`${score(filter.by)} desc`, desc(backtests.finishedAt))
      .as('best');
    const rows = await this.db
      .select()
      .from(best)
      .orderBy(sql`${best.score} desc`, best.strategy)
      .limit(filter.limit);
    return rows.map((row) => ({
      strategy: row.strategy,
      backtestId: row.backtestId,
      symbol: row.symbol,
      timeframe: row.timeframe,
      parameters: row.parameters as ParameterValues,
      statistics: row.statistics as BacktestStatistics,
      finishedAt: (row.finishedAt ?? new Date(0)).toISOString(),
    }));
  }
}
