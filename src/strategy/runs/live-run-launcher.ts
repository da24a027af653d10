import { Injectable, Logger } from '@nestjs/common';
import { type Candle, timeframeToMs } from '#brokers';
import { AccountRegistry } from '../../broker/account-registry.js';
import { OrderChanges } from '../../orders/order-changes.js';
import { OrderService } from '../../orders/order.service.js';
import { toOrderView } from '../../orders/order-view.mapper.js';
import { StrategyCatalog } from '../catalog/strategy-catalog.js';
import { SignalOutcomes } from '../signals/signal-outcomes.js';
import { LiveRun } from './live-run.js';
import type { StrategyRunRecord } from './strategy-run-record.js';
import { StrategyRunEvents } from './strategy-run-events.js';
import { StrategyRunRepository } from './strategy-run.repository.js';

/** Builds a live run with everything it reaches (its account, the order service, storage), and starts it. */
@Injectable()
export class LiveRunLauncher {
  private readonly logger = new Logger('StrategyRuns');

  constructor(
    private readonly catalog: StrategyCatalog,
    private readonly registry: AccountRegistry,
    private readonly orders: OrderService,
    private readonly changes: OrderChanges,
    private readonly repository: StrategyRunRepository,
    private readonly signals: SignalOutcomes,
    private readonly events: StrategyRunEvents,
  ) {}

  /** The run, its instrument and warm-up loaded; throws what the broker throws when it cannot be reached. */
  async create(record: StrategyRunRecord): Promise<LiveRun> {
    const definition = this.catalog.get(record.strategy);
    const adapter = this.registry.resolve(record.account);
    const instrument = await adapter.getInstrument(record.symbol);
    const warmup = await this.warmup(record, definition.warmupBars(record.parameters));
    return new LiveRun(record, definition, {
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
  }

  /** Hands the run its past orders and lets it follow the account. */
  async start(run: LiveRun): Promise<void> {
    const [orders, links] = await Promise.all([
      this.repository.ordersOf(run.state),
      this.repository.links(run.state.id),
    ]);
    await run.start(orders.map(toOrderView), links);
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
}
