import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { ParameterValues } from '#backtest/strategy/parameter-schema.js';
import { resolveParameters } from '#backtest/strategy/resolve-parameters.js';
import type { StrategyDefinition } from '#backtest/strategy/strategy.js';
import { InsufficientBarsError } from '#backtest/strategy/strategy-errors.js';
import { AccountRegistry } from '../../broker/account-registry.js';
import { ConflictError, NotFoundError, UnprocessableError } from '../../common/errors/app-error.js';
import type { Configuration } from '../../config/configuration.js';
import { asValidationError } from '../catalog/parameter-error.js';
import { StrategyCatalog } from '../catalog/strategy-catalog.js';
import { BacktestDataSource, type BacktestFeed } from '../source/backtest-data-source.js';
import type { RunBacktestDto } from '../dto/run-backtest.dto.js';
import { BacktestJobRunner } from '../execution/backtest-job.runner.js';
import { BacktestQueue } from '../execution/backtest-queue.js';
import { BacktestEvents } from './backtest-events.js';
import { ACTIVE_STATUSES, type BacktestRecord, type ParameterGrid } from './backtest-record.js';
import { toBacktestSettings } from './backtest-settings.mapper.js';
import { toBacktestSource } from './backtest-source.mapper.js';
import { BacktestRepository } from './backtest.repository.js';
import { expandGrid } from './parameter-grid.js';

/** What a submission resolved to: the combinations to run and what the job row stores of them. */
interface ResolvedRun {
  readonly parameters: ParameterValues | null;
  readonly grid: ParameterGrid | null;
  readonly combinations: readonly ParameterValues[];
}

/**
 * Backtest jobs: submission (everything checked before the job exists, bars included), reads, cancel.
 * Running them is the queue's and the runner's business.
 */
@Injectable()
export class BacktestService {
  private readonly maxGridCombinations: number;

  constructor(
    private readonly catalog: StrategyCatalog,
    private readonly repository: BacktestRepository,
    private readonly source: BacktestDataSource,
    private readonly queue: BacktestQueue,
    private readonly runner: BacktestJobRunner,
    private readonly events: BacktestEvents,
    private readonly registry: AccountRegistry,
    config: ConfigService<Configuration, true>,
  ) {
    this.maxGridCombinations = config.get('backtest', { infer: true }).maxGridCombinations;
  }

  /**
   * Checks the request (strategy 404, parameters 400, grid size 422), reads the bars and checks they cover
   * every combination's warm-up (422 saying how many there are and how many it needs), then stores the job
   * as queued and hands it to the queue. Reading the bars up front costs one read the job reuses, and a run
   * that cannot start is refused here rather than found failed later.
   */
  async submit(body: RunBacktestDto): Promise<BacktestRecord> {
    const definition = this.catalog.get(body.strategy);
    const run = this.resolveRun(definition, body);
    const source = toBacktestSource(body, () => this.registry.resolveAccount().config.name);
    const feed = await this.source.load(source);
    const settings = {
      ...toBacktestSettings(body),
      ...(feed.instruments ? { instruments: feed.instruments } : {}),
    };
    checkBars(definition, run.combinations, feed);
    const record: BacktestRecord = {
      id: randomUUID(),
      strategy: definition.name,
      parameters: run.parameters,
      grid: run.grid,
      source,
      symbol: feed.series[0]?.symbol ?? '',
      timeframe: feed.timeframe,
      settings,
      status: 'queued',
      progress: 0,
      error: null,
      combinations: run.combinations.length,
      bars: feed.series[0]?.length ?? 0,
      statistics: null,
      createdAt: new Date().toISOString(),
      startedAt: null,
      finishedAt: null,
    };
    await this.repository.insert(record);
    this.events.emit(record);
    await this.queue.enqueue(record.id, feed);
    return record;
  }

  async get(id: string): Promise<BacktestRecord> {
    const record = await this.repository.findById(id);
    if (!record) throw new NotFoundError(`Unknown backtest ${id}`, { id });
    return record;
  }

  list(limit: number, after?: { createdAt: string; id: string }): Promise<BacktestRecord[]> {
    return this.repository.list(limit, after);
  }

  /** Cancels a queued or running job: it ends `cancelled`. A finished one is a 409 naming its status. */
  async cancel(id: string): Promise<BacktestRecord> {
    const before = await this.get(id);
    if (!ACTIVE_STATUSES.includes(before.status))
      throw new ConflictError(
        `Backtest ${id} is ${before.status}: only a queued or running job can be cancelled`,
        {
          status: before.status,
        },
      );
    const after = await this.repository.finish(id, 'cancelled', null, new Date());
    // The worker threads stop at their next check; a job another process runs sees it at its next heartbeat.
    this.runner.cancel(id);
    if (!after) throw new NotFoundError(`Unknown backtest ${id}`, { id });
    this.events.emit(after);
    if (after.status !== 'cancelled')
      throw new ConflictError(`Backtest ${id} is ${after.status}: it finished before it could be cancelled`, {
        status: after.status,
      });
    return after;
  }

  private resolveRun(definition: StrategyDefinition, body: RunBacktestDto): ResolvedRun {
    const fixed = body.parameters ?? {};
    if (body.grid === undefined) {
      const parameters = asValidationError('parameters', () => resolveParameters(definition, fixed));
      return { parameters, grid: null, combinations: [parameters] };
    }
    // Fixed parameters are checked on their own first, so a bad one is named as a parameter.
    asValidationError('parameters', () => resolveParameters({ ...definition, check: undefined }, fixed));
    const expanded = expandGrid(definition, fixed, body.grid, this.maxGridCombinations);
    // Stored with the fixed parameters folded in as one-value lists: the grid alone says what ran.
    const grid: ParameterGrid = {
      ...Object.fromEntries(
        Object.entries(fixed).map(([name, value]) => [name, [value as number | boolean | string]]),
      ),
      ...expanded.grid,
    };
    return { parameters: null, grid, combinations: expanded.combinations };
  }
}

/** No bars at all, or fewer than the hungriest combination's warm-up, is a 422 saying so. */
function checkBars(
  definition: StrategyDefinition,
  combinations: readonly ParameterValues[],
  feed: BacktestFeed,
): void {
  const required = Math.max(...combinations.map((parameters) => definition.warmupBars(parameters)));
  for (const series of feed.series) {
    if (series.length > required) continue;
    const { message } = new InsufficientBarsError(series.length, required);
    throw new UnprocessableError(`${series.symbol}: ${message}`, {
      symbol: series.symbol,
      bars: series.length,
      required,
    });
  }
}
