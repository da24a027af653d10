import { SeriesHistory } from '#backtest/engine/series-history.js';
import type { IndicatorSet } from '#backtest/strategy/indicator-set.js';
import type { BarHistory, StrategyContext } from '#backtest/strategy/strategy-context.js';
import type { StrategyOrder, StrategyOrderRequest } from '#backtest/strategy/strategy-order.js';
import type { LiveBarSeries } from './bars/live-bar-series.js';
import { runClientOrderId } from './run-client-order-id.js';
import type { RunOrderBook } from './run-order-book.js';

/** An order the strategy asked for on the current bar, placed by the run once `onBar` returns. */
export interface RunSubmission {
  readonly id: string;
  readonly request: StrategyOrderRequest;
  readonly signalIndex: number;
  readonly barTime: number;
}

/**
 * The StrategyContext of a live run: the same interface the backtest engine gives, over bars built from
 * the account's prices, the run's own orders and position, and the account's cash and equity. Orders are
 * collected while the strategy decides and placed after, in order; their ids are the client order ids,
 * derived from the run, the bar and the signal's index, so a replayed bar asks for the same orders.
 */
export class LiveStrategyContext implements StrategyContext {
  readonly symbols: readonly string[];
  time = Number.NaN;
  cash = 0;
  equity = 0;
  /** While false (warm-up bars), the strategy's orders are dropped: the past cannot be traded. */
  trading = false;
  readonly submissions: RunSubmission[] = [];
  readonly cancels: string[] = [];
  private readonly history_: SeriesHistory;
  private signalIndex = 0;

  constructor(
    private readonly runId: string,
    readonly symbol: string,
    readonly indicators: IndicatorSet,
    series: LiveBarSeries,
    private readonly book: RunOrderBook,
  ) {
    this.symbols = [symbol];
    this.history_ = new SeriesHistory(series);
  }

  /** Moves to the bar just appended at `index`, opening at `time`. */
  startBar(index: number, time: number): void {
    this.history_.cursor = index;
    this.time = time;
    this.signalIndex = 0;
    this.submissions.length = 0;
    this.cancels.length = 0;
  }

  history(symbol?: string): BarHistory {
    this.check(symbol);
    return this.history_;
  }

  position(symbol?: string): number {
    this.check(symbol);
    return this.book.position;
  }

  openOrders(symbol?: string): readonly StrategyOrder[] {
    this.check(symbol);
    return this.book.open();
  }

  submit(order: StrategyOrderRequest): string {
    this.check(order.symbol);
    const signalIndex = this.signalIndex++;
    const id = runClientOrderId(this.runId, this.time, signalIndex);
    if (!this.trading) return id;
    this.book.track({
      id,
      symbol: this.symbol,
      side: order.side,
      type: order.type ?? 'market',
      quantity: order.quantity ?? 0,
      filledQuantity: 0,
      limitPrice: order.limitPrice ?? null,
      stopPrice: order.stopPrice ?? null,
      status: 'open',
      parentId: null,
      tag: order.tag ?? null,
      reason: null,
    });
    this.submissions.push({ id, request: order, signalIndex, barTime: this.time });
    return id;
  }

  buy(quantity?: number, order: Omit<StrategyOrderRequest, 'side' | 'quantity'> = {}): string {
    return this.submit({ ...order, side: 'buy', quantity });
  }

  sell(quantity?: number, order: Omit<StrategyOrderRequest, 'side' | 'quantity'> = {}): string {
    return this.submit({ ...order, side: 'sell', quantity });
  }

  closePosition(symbol?: string): string | null {
    const held = this.position(symbol);
    if (held === 0) return null;
    return this.submit({ side: held > 0 ? 'sell' : 'buy', quantity: Math.abs(held), tag: 'close' });
  }

  cancel(orderId: string): boolean {
    const order = this.book.get(orderId);
    if (!order || order.status !== 'open') return false;
    if (this.trading) this.cancels.push(orderId);
    return true;
  }

  private check(symbol: string | undefined): void {
    if (symbol !== undefined && symbol !== this.symbol)
      throw new RangeError(`No bars for ${symbol} in this run (it has ${this.symbol})`);
  }
}
