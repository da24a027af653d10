import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { resolveParameters } from '#backtest/strategy/resolve-parameters.js';
import { type Candle, timeframeToMs } from '#brokers';
import { AccountRegistry } from '../../broker/account-registry.js';
import { ConflictError, NotFoundError, ValidationFailedError } from '../../common/errors/app-error.js';
import { OrderChanges } from '../../orders/order-changes.js';
import { OrderService } from '../../orders/order.service.js';
import { toOrderView } from '../../orders/order-view.mapper.js';
import { StrategyCatalog } from '../catalog/strategy-catalog.js';
import { asValidationError } from '../catalog/parameter-error.js';
import type { StartRunDto } from '../dto/start-run.dto.js';
import type { StopRunDto } from '../dto/stop-run.dto.js';
import type { StrategyRunDetailView } from '../dto/strategy-run.view.js';
import { SignalOutcomes } from '../signals/signal-outcomes.js';
import { LiveRun } from './live-run.js';
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

  constructor(
    private readonly catalog: StrategyCatalog,
    private readonly registry: AccountRegistry,
    private readonly orders: OrderService,
    private readonly changes: OrderChanges,
    private readonly repository: StrategyRunRepository,
    private readonly signals: SignalOutcomes,
    private readonly events: StrategyRunEvents,
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
    return (await this.repository.list(LISTED_RUNS)).map((run) => this.live.get(run.id)?.state ?? run);
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
    if (!live)
      throw new ConflictError(`Run ${id} is ${run.status}: it is not running`, { status: run.status });
    this.live.delete(id);
    await live.end('stopped', 'stopped over the API');
    const problems = await stopRunHoldings(run, options, {
      orders: this.orders,
      repository: this.repository,
      ordersOf: () => this.repository.ordersOf(run),
    });
    if (problems.length > 0) this.logger.warn(`Run ${id} stopped with problems: ${problems.join('; ')}`);
    return live.state;
  }

  /** Settles once every live run has done what it was handed so far: what a test waits on after a tick. */
  async settled(): Promise<void> {
    await Promise.all([...this.live.values()].map((run) => run.settled()));
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const run of await this.repository.listActive()) {
      try {
        this.catalog.get(run.strategy);
        this.registry.resolveAccount(run.account);
      } catch (error) {
        await this.fail(run, `cannot resume: ${(error as Error).message}`);
        continue;
      }
      this.logger.log(`Resuming run ${run.id} of ${run.strategy} on ${run.account} ${run.symbol}`);
      await this.launch(run).catch((error: unknown) =>
        this.fail(run, `cannot resume: ${(error as Error).message}`),
      );
    }
  }

  /** The runs stay active in storage: the next start resumes them. */
  onApplicationShutdown(): void {
    for (const run of this.live.values()) run.detach();
    this.live.clear();
  }

  private async launch(record: StrategyRunRecord): Promise<StrategyRunRecord> {
    const definition = this.catalog.get(record.strategy);
    const adapter = this.registry.resolve(record.account);
    const instrument = await adapter.getInstrument(record.symbol);
    const warmup = await this.warmup(record, definition.warmupBars(record.parameters));
    const run = new LiveRun(record, definition, {
      instrument,
      warmup,
      events: this.registry.events,
      orderChanges: this.changes.changes,
      accountStatus: () => adapter.status,
      accountSummary: () => adapter.getAccountSummary(),
      placeOrder: (order) => this.orders.place(order),
      cancelOrder: (orderId) => this.orders.cancel(orderId),
      repository: this.repository,
      signals: this.signals,
      onChange: (changed) => this.events.emit(changed),
      logger: this.logger,
    });
    this.live.set(record.id, run);
    const [orders, links] = await Promise.all([
      this.repository.ordersOf(record),
      this.repository.links(record.id),
    ]);
    await run.start(orders.map(toOrderView), links);
    return run.state;
  }

  /** The closed bars before now that the strategy's warm-up asks for; none when the broker has none. */
  private async warmup(run: StrategyRunRecord, bars: number): Promise<Candle[]> {
    if (bars <= 0) return [];
    const barMs = timeframeToMs(run.timeframe)!;
    const now = Date.now();
    const from = new Date(now - barMs * (bars + 2));
    const candles = await this.registry
      .resolve(run.account)
      .getCandles(run.symbol, run.timeframe, from, new Date(now))
      .catch((error: unknown) => {
        this.logger.warn(`Run ${run.id}: no warm-up history (${(error as Error).message})`);
        return [];
      });
    return candles.filter((candle) => Date.parse(candle.openTime) + barMs <= now).slice(-bars);
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
    return this.live.get(id)?.state ?? stored;
  }

  private async fail(run: StrategyRunRecord, reason: string): Promise<void> {
    this.live.get(run.id)?.detach();
    this.live.delete(run.id);
    const failed: StrategyRunRecord = {
      ...run,
      status: 'failed',
      statusReason: reason,
      stoppedAt: new Date().toISOString(),
    };
    await this.repository.update(failed);
    this.events.emit(failed);
    this.logger.error(`Run ${run.id} of ${run.strategy} failed: ${reason}`);
  }
}
