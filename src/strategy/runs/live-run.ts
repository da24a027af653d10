import { SerialQueue } from '#async';
import { IndicatorSet } from '#backtest/strategy/indicator-set.js';
import type { Strategy, StrategyDefinition } from '#backtest/strategy/strategy.js';
import type { StrategyFill, StrategyOrder } from '#backtest/strategy/strategy-order.js';
import { timeframeToMs, type BrokerEvent } from '#brokers';
import { Subscription } from 'rxjs';
import { toStoredBar } from '../../market-data/broker-bars.loader.js';
import type { OrderView } from '../../orders/dto/order.view.js';
import { BarBuilder, type ClosedBar } from './bars/bar-builder.js';
import { LiveBarSeries } from './bars/live-bar-series.js';
import type { LiveRunPorts } from './live-run-ports.js';
import { LiveStrategyContext } from './live-strategy-context.js';
import { RunOrderBook } from './run-order-book.js';
import { placeSubmissions } from './place-submissions.js';
import type { StrategyRunRecord, StrategyRunStatus } from './strategy-run-record.js';

/** How often the clock closes a bar no tick after it closed: a bar is acted on within a second of its end. */
const CLOCK_MS = 1000;

/**
 * One live run: bars built from its account's ticks drive the strategy through the same context
 * interface a backtest gives, and its orders go through the order service. Everything it does (a tick,
 * a stored order change, the clock) is queued and done one at a time, so the strategy sees one world.
 */
export class LiveRun {
  private readonly queue = new SerialQueue();
  private readonly subscriptions = new Subscription();
  private readonly builder: BarBuilder;
  private readonly series: LiveBarSeries;
  private readonly book: RunOrderBook;
  private readonly context: LiveStrategyContext;
  private readonly strategy: Strategy;
  private timer: NodeJS.Timeout | undefined;
  /** Feed time minus wall time at the last tick: the clock that closes bars runs on the feed's time. */
  private feedOffsetMs = 0;
  private ended = false;

  constructor(
    private record: StrategyRunRecord,
    private readonly definition: StrategyDefinition,
    private readonly ports: LiveRunPorts,
  ) {
    const timeframeMs = timeframeToMs(record.timeframe)!;
    this.builder = new BarBuilder(timeframeMs, { graceMs: Math.min(2000, timeframeMs / 10) });
    this.series = new LiveBarSeries(record.symbol);
    this.book = new RunOrderBook(record.symbol);
    const indicators = new IndicatorSet([record.symbol]);
    this.context = new LiveStrategyContext(record.id, record.symbol, indicators, this.series, this.book);
    this.strategy = definition.create(record.parameters);
  }

  get state(): StrategyRunRecord {
    return this.record;
  }

  /** Settles once everything queued so far is done: what a test waits on after a tick. */
  settled(): Promise<void> {
    return this.queue.drained();
  }

  /** Loads the run's past orders and the warm-up bars, then follows the account. */
  async start(pastOrders: readonly OrderView[], links: readonly { clientOrderId: string }[]): Promise<void> {
    for (const link of links) this.book.track(placeholder(link.clientOrderId, this.record.symbol));
    for (const order of pastOrders) this.book.apply(order);
    const unplaced = this.book.forgetUnplaced();
    if (unplaced > 0)
      this.ports.logger.warn(
        `Run ${this.record.id}: ${unplaced} order(s) were never placed before the restart; their bar is past, so they are not placed now`,
      );
    this.strategy.init?.(this.context);
    const lastActed = this.record.lastBarTime === null ? -Infinity : Date.parse(this.record.lastBarTime);
    let lastWarm = lastActed;
    for (const candle of this.ports.warmup) {
      const bar = toStoredBar(candle);
      if (bar.time <= this.series.lastTime) continue;
      await this.step(bar, false);
      lastWarm = Math.max(lastWarm, bar.time);
    }
    if (Number.isFinite(lastWarm)) this.builder.seed(lastWarm);
    this.subscriptions.add(this.ports.events.subscribe((event) => this.onEvent(event)));
    this.subscriptions.add(
      this.ports.orderChanges.subscribe((view) => {
        if (view.account === this.record.account) void this.queue.run(() => this.onOrderChange(view));
      }),
    );
    this.timer = setInterval(() => void this.queue.run(() => this.onClock()), CLOCK_MS);
    this.timer.unref();
    await this.setStatus(
      this.ports.accountStatus() === 'connected' ? 'running' : 'paused',
      this.awayReason(),
    );
  }

  /** Stops following the account; orders and position are left as they are (the service flattens). */
  async end(status: StrategyRunStatus, reason: string | null): Promise<void> {
    await this.queue.run(async () => {
      this.ended = true;
      this.subscriptions.unsubscribe();
      clearInterval(this.timer);
      this.record = { ...this.record, stoppedAt: new Date().toISOString() };
      await this.setStatus(status, reason);
    });
  }

  /** Stops the clock without touching the stored state: the process is going down, the run resumes later. */
  detach(): void {
    this.ended = true;
    this.subscriptions.unsubscribe();
    clearInterval(this.timer);
  }

  private onEvent(event: BrokerEvent): void {
    if (event.account !== this.record.account || this.ended) return;
    if (event.type === 'tick' && event.ticker.symbol === this.record.symbol) {
      const timeMs = Date.parse(event.ticker.time);
      const price = Number(event.ticker.last);
      void this.queue.run(() => this.onTick(price, timeMs));
    } else if (event.type === 'connection') {
      void this.queue.run(() => this.onConnection());
    }
  }

  private async onTick(price: number, timeMs: number): Promise<void> {
    if (this.ended) return;
    this.feedOffsetMs = timeMs - Date.now();
    for (const bar of this.builder.onTick({ price, timeMs })) await this.step(bar, true);
  }

  private async onClock(): Promise<void> {
    if (this.ended) return;
    for (const bar of this.builder.onClock(Date.now() + this.feedOffsetMs)) await this.step(bar, true);
  }

  private async onConnection(): Promise<void> {
    if (this.ended) return;
    const connected = this.ports.accountStatus() === 'connected';
    if (connected && this.record.status === 'paused') await this.setStatus('running', null);
    if (!connected && this.record.status === 'running') await this.setStatus('paused', this.awayReason());
  }

  private onOrderChange(view: OrderView): void {
    const { fill, rejected } = this.book.apply(view);
    if (fill) this.deliverFill(fill);
    if (rejected) this.strategy.onOrderRejected?.(this.context, rejected);
  }

  /** One closed bar: into the history and the indicators, then the strategy, then its orders. */
  private async step(bar: ClosedBar, live: boolean): Promise<void> {
    const index = this.series.append(bar);
    this.context.indicators.feed(0, this.series, index);
    this.context.startBar(index, bar.time);
    this.context.trading = live && this.record.status === 'running';
    if (this.context.trading) {
      const summary = await this.ports.accountSummary().catch(() => undefined);
      if (summary) {
        this.context.cash = Number(summary.balance);
        this.context.equity = Number(summary.equity);
      }
    }
    this.strategy.onBar(this.context);
    if (!live) return;
    if (this.context.trading) {
      await placeSubmissions(this.context, this.book, this.record, this.ports, {
        lastClose: bar.close,
        onFill: (fill) => this.deliverFill(fill),
        onRejected: (order) => this.strategy.onOrderRejected?.(this.context, order),
      });
    }
    this.record = { ...this.record, lastBarTime: new Date(bar.time).toISOString() };
    await this.ports.repository.update(this.record);
  }

  private deliverFill(fill: StrategyFill): void {
    this.strategy.onFill?.(this.context, fill);
  }

  private async setStatus(status: StrategyRunStatus, reason: string | null): Promise<void> {
    if (this.record.status === status && this.record.statusReason === reason && status !== 'stopped') return;
    this.record = { ...this.record, status, statusReason: reason };
    await this.ports.repository.update(this.record);
    this.ports.logger.log(
      `Run ${this.record.id} of ${this.record.strategy} is ${status}${reason ? `: ${reason}` : ''}`,
    );
    this.ports.onChange(this.record);
  }

  private awayReason(): string | null {
    const status = this.ports.accountStatus();
    return status === 'connected' ? null : `account ${this.record.account} is ${status}`;
  }
}

/** An order of the run known from its link only, until its stored state is applied. */
function placeholder(id: string, symbol: string): StrategyOrder {
  return {
    id,
    symbol,
    side: 'buy',
    type: 'market',
    quantity: 0,
    filledQuantity: 0,
    limitPrice: null,
    stopPrice: null,
    status: 'open',
    parentId: null,
    tag: null,
    reason: null,
  };
}
