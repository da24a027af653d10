import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { resolveParameters } from '#backtest/strategy/resolve-parameters.js';
import { BrokerError } from '#brokers';
import { filter, Subscription } from 'rxjs';
import { AccountRegistry } from '../../broker/account-registry.js';
import {
  ConflictError,
  NotFoundError,
  UnavailableError,
  ValidationFailedError,
} from '../../common/errors/app-error.js';
import { OrderService } from '../../orders/order.service.js';
import { toOrderView } from '../../orders/order-view.mapper.js';
import { StrategyCatalog } from '../catalog/strategy-catalog.js';
import { asValidationError } from '../catalog/parameter-error.js';
import type { StartRunDto } from '../dto/start-run.dto.js';
import type { StopRunDto } from '../dto/stop-run.dto.js';
import type { StrategyRunDetailView } from '../dto/strategy-run.view.js';
import { LiveRun } from './live-run.js';
import { LiveRunLauncher } from './live-run-launcher.js';
import { runResults } from './run-results.js';
import { stopRunHoldings } from './stop-run-holdings.js';
import type { RunSizing, StrategyRunRecord } from './strategy-run-record.js';
import { StrategyRunEvents } from './strategy-run-events.js';
import { StrategyRunRepository } from './strategy-run.repository.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Runs listed by GET /strategies/runs. */
const LISTED_RUNS = 100;

/**
 * Live runs: started over the API, driven by their account's prices, stopped over the API, and picked up
 * again after a restart (warmed up again from history, then on from the bar after the last one acted on).
 */
@Injectable()
export class StrategyRunService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(StrategyRunService.name);
  private readonly live = new Map<string, LiveRun>();
  /** Runs that could not resume because their account was away: each is launched when it connects. */
  private readonly waiting = new Map<string, StrategyRunRecord>();
  private readonly subscription = new Subscription();

  constructor(
    private readonly catalog: StrategyCatalog,
    private readonly registry: AccountRegistry,
    private readonly orders: OrderService,
    private readonly repository: StrategyRunRepository,
    private readonly events: StrategyRunEvents,
    private readonly launcher: LiveRunLauncher,
  ) {}

  async start(strategy: string, body: StartRunDto): Promise<StrategyRunRecord> {
    const definition = this.catalog.get(strategy);
    const parameters = asValidationError('parameters', () => resolveParameters(definition, body.parameters));
    const { config, adapter } = this.registry.resolveAccount(body.account);
    if (!adapter.capabilities.timeframes.includes(body.timeframe)) {
      throw new ValidationFailedError(
        `timeframe "${body.timeframe}" is not offered by ${adapter.kind}; use one of ${adapter.capabilities.timeframes.join(', ')}`,
      );
    }
    const instrument = await adapter.getInstrument(body.symbol);
    const sizing: RunSizing =
      body.sizing?.kind === 'percent_of_equity'
        ? { kind: 'percent_of_equity', percent: body.sizing.percent! }
        : { kind: 'fixed', quantity: body.sizing?.quantity ?? instrument.lotSize };
    const record: StrategyRunRecord = {
      id: randomUUID(),
      strategy: definition.name,
      account: config.name,
      symbol: instrument.symbol,
      timeframe: body.timeframe,
      parameters,
      sizing,
      status: 'warming_up',
      statusReason: null,
      lastBarTime: null,
      createdAt: new Date().toISOString(),
      stoppedAt: null,
    };
    await this.repository.insert(record);
    this.events.emit(record);
    return this.launch(record);
  }

  async list(): Promise<StrategyRunRecord[]> {
    return (await this.repository.list(LISTED_RUNS)).map(
      (run) => this.live.get(run.id)?.state ?? this.waiting.get(run.id) ?? run,
    );
  }

  async get(id: string): Promise<StrategyRunDetailView> {
    const run = await this.find(id);
    const [orders, fills, links] = await Promise.all([
      this.repository.ordersOf(run),
      this.repository.fillsOf(run),
      this.repository.links(run.id),
    ]);
    const mark = await this.markPrice(run);
    const signals = links.map(({ runId: _runId, ...link }) => link);
    return { ...run, signals, orders: orders.map(toOrderView), fills, results: runResults(fills, mark) };
  }

  async stop(id: string, options: StopRunDto): Promise<StrategyRunRecord> {
    const run = await this.find(id);
    const live = this.live.get(id);
    const waiting = this.waiting.get(id);
    let stopped: StrategyRunRecord;
    if (live) {
      this.live.delete(id);
      await live.end('stopped', 'stopped over the API');
      stopped = live.state;
    } else if (waiting) {
      this.waiting.delete(id);
      stopped = await this.settle(waiting, 'stopped', 'stopped over the API');
    } else {
      throw new ConflictError(`Run ${id} is ${run.status}: it is not running`, { status: run.status });
    }
    const problems = await stopRunHoldings(run, options, {
      orders: this.orders,
      repository: this.repository,
      ordersOf: () => this.repository.ordersOf(run),
    });
    if (problems.length > 0) this.logger.warn(`Run ${id} stopped with problems: ${problems.join('; ')}`);
    return stopped;
  }

  /** Settles once every live run has done what it was handed so far: what a test waits on after a tick. */
  async settled(): Promise<void> {
    await Promise.all([...this.live.values()].map((run) => run.settled()));
  }

  async onApplicationBootstrap(): Promise<void> {
    this.subscription.add(
      this.registry.events
        .pipe(filter((event) => event.type === 'connection' && event.status === 'connected'))
        .subscribe((event) => void this.resumeWaiting(event.account)),
    );
    for (const run of await this.repository.listActive()) {
      try {
        this.catalog.get(run.strategy);
        this.registry.resolveAccount(run.account);
      } catch (error) {
        await this.settle(run, 'failed', `cannot resume: ${(error as Error).message}`);
        continue;
      }
      await this.resume(run);
    }
  }

  /** The runs stay active in storage: the next start resumes them. */
  onApplicationShutdown(): void {
    this.subscription.unsubscribe();
    for (const run of this.live.values()) run.detach();
    this.live.clear();
    this.waiting.clear();
  }

  /**
   * Launches a stored run again. An account that is away (its broker unreachable at start) is no reason to
   * give the run up: it waits, paused and saying why, and is launched when the account connects.
   */
  private async resume(run: StrategyRunRecord): Promise<void> {
    this.logger.log(`Resuming run ${run.id} of ${run.strategy} on ${run.account} ${run.symbol}`);
    try {
      await this.launch(run);
    } catch (error) {
      const reason = (error as Error).message;
      if (!isAway(error)) {
        await this.settle(run, 'failed', `cannot resume: ${reason}`);
        return;
      }
      this.waiting.set(
        run.id,
        await this.settle(run, 'paused', `waiting for account ${run.account}: ${reason}`),
      );
    }
  }

  private async resumeWaiting(account: string): Promise<void> {
    for (const [id, run] of this.waiting) {
      if (run.account !== account) continue;
      this.waiting.delete(id);
      await this.resume(run);
    }
  }

  /** Launches the run and keeps it live here; on failure nothing of it stays in this process. */
  private async launch(record: StrategyRunRecord): Promise<StrategyRunRecord> {
    const run = await this.launcher.create(record);
    this.live.set(record.id, run);
    try {
      await this.launcher.start(run);
    } catch (error) {
      run.detach();
      this.live.delete(record.id);
      throw error;
    }
    return run.state;
  }

  private async markPrice(run: StrategyRunRecord): Promise<string | null> {
    try {
      return (await this.registry.resolve(run.account).getTicker(run.symbol)).last;
    } catch {
      return null;
    }
  }

  private async find(id: string): Promise<StrategyRunRecord> {
    const stored = UUID.test(id) ? await this.repository.findById(id) : undefined;
    if (!stored) throw new NotFoundError(`Unknown run ${id}`, { id });
    return this.live.get(id)?.state ?? this.waiting.get(id) ?? stored;
  }

  /** Stores a run not live in this process in its new state, and says so. */
  private async settle(
    run: StrategyRunRecord,
    status: 'failed' | 'paused' | 'stopped',
    reason: string,
  ): Promise<StrategyRunRecord> {
    const stoppedAt = status === 'paused' ? null : new Date().toISOString();
    const settled: StrategyRunRecord = { ...run, status, statusReason: reason, stoppedAt };
    await this.repository.update(settled);
    this.events.emit(settled);
    if (status === 'failed') this.logger.error(`Run ${run.id} of ${run.strategy} failed: ${reason}`);
    else this.logger.warn(`Run ${run.id} of ${run.strategy} is ${status}: ${reason}`);
    return settled;
  }
}

/** The account cannot be reached now but may be later: a broker's retryable error or a 503. */
function isAway(error: unknown): boolean {
  return error instanceof UnavailableError || (error instanceof BrokerError && error.retryable);
}
