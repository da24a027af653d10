import type { IndicatorSet } from '../strategy/indicator-set.js';
import type { BarHistory, StrategyContext } from '../strategy/strategy-context.js';
import type { StrategyOrder, StrategyOrderRequest } from '../strategy/strategy-order.js';
import type { SeriesHistory } from './series-history.js';
import type { SimulatedBroker } from './simulated-broker.js';

/** The StrategyContext of a backtest: a window on the engine's state at the current step. */
export class BacktestContext implements StrategyContext {
  step = 0;
  time = Number.NaN;
  readonly symbol: string;

  constructor(
    readonly symbols: readonly string[],
    readonly indicators: IndicatorSet,
    private readonly histories: readonly SeriesHistory[],
    private readonly broker: SimulatedBroker,
  ) {
    this.symbol = symbols[0]!;
  }

  get cash(): number {
    return this.broker.cash;
  }

  get equity(): number {
    return this.broker.equity();
  }

  history(symbol?: string): BarHistory {
    return this.histories[this.indexOf(symbol)]!;
  }

  position(symbol?: string): number {
    return this.broker.ledgers[this.indexOf(symbol)]!.quantity;
  }

  openOrders(symbol?: string): readonly StrategyOrder[] {
    const index = symbol === undefined ? -1 : this.indexOf(symbol);
    return this.broker.open.filter(
      (order) => order.status === 'open' && (index < 0 || order.symbolIndex === index),
    );
  }

  submit(order: StrategyOrderRequest): string {
    return this.broker.submit(order, this.indexOf(order.symbol), this.step).id;
  }

  buy(quantity?: number, order: Omit<StrategyOrderRequest, 'side' | 'quantity'> = {}): string {
    return this.submit({ ...order, side: 'buy', quantity });
  }

  sell(quantity?: number, order: Omit<StrategyOrderRequest, 'side' | 'quantity'> = {}): string {
    return this.submit({ ...order, side: 'sell', quantity });
  }

  closePosition(symbol?: string): string | null {
    return this.broker.submitClose(this.indexOf(symbol), this.step)?.id ?? null;
  }

  cancel(orderId: string): boolean {
    const order = this.broker.open.find((candidate) => candidate.id === orderId);
    return order ? this.broker.cancel(order) : false;
  }

  private indexOf(symbol: string | undefined): number {
    if (symbol === undefined || symbol === this.symbol) return 0;
    const index = this.symbols.indexOf(symbol);
    if (index < 0)
      throw new RangeError(`No bars for ${symbol} in this run (it has ${this.symbols.join(', ')})`);
    return index;
  }
}
