import type { BandIndicator, BarIndicator, MacdIndicator, SeriesIndicator } from '../indicators/indicator.js';
import type { StrategyOrder, StrategyOrderRequest } from './strategy-order.js';

/** The price a series indicator is fed each bar. */
export type PriceSource = 'open' | 'high' | 'low' | 'close' | 'hl2' | 'hlc3';

export interface IndicatorOptions {
  /** The symbol whose bars feed it; the run's first symbol by default. */
  readonly symbol?: string;
  readonly source?: PriceSource;
}

/**
 * Indicators made here (in `init`) are fed by the runner with every closed bar of their symbol before
 * `onBar` is called, the same way in a backtest and live.
 */
export interface IndicatorFactory {
  sma(period: number, options?: IndicatorOptions): SeriesIndicator;
  ema(period: number, options?: IndicatorOptions): SeriesIndicator;
  rsi(period: number, options?: IndicatorOptions): SeriesIndicator;
  atr(period: number, options?: Pick<IndicatorOptions, 'symbol'>): BarIndicator;
  bollinger(period: number, deviations: number, options?: IndicatorOptions): BandIndicator;
  donchian(period: number, options?: Pick<IndicatorOptions, 'symbol'>): BandIndicator;
  macd(fast: number, slow: number, signal: number, options?: IndicatorOptions): MacdIndicator;
  highest(period: number, options?: IndicatorOptions): SeriesIndicator;
  lowest(period: number, options?: IndicatorOptions): SeriesIndicator;
}

/** Closed bars of one symbol, newest first: `ago` 0 is the bar that just closed; NaN past the history. */
export interface BarHistory {
  readonly length: number;
  time(ago?: number): number;
  open(ago?: number): number;
  high(ago?: number): number;
  low(ago?: number): number;
  close(ago?: number): number;
  volume(ago?: number): number;
}

/**
 * Everything a strategy sees and does. The backtest engine and the live runner implement it; a strategy
 * that uses only this cannot tell which one drives it.
 */
export interface StrategyContext {
  readonly symbols: readonly string[];
  /** The run's first symbol, the default wherever a symbol is optional. */
  readonly symbol: string;
  /** Time of the bar that just closed (ms since the epoch). */
  readonly time: number;
  history(symbol?: string): BarHistory;
  readonly indicators: IndicatorFactory;
  /** Signed quantity held: positive long, negative short. */
  position(symbol?: string): number;
  readonly cash: number;
  /** Cash plus every position marked at its last close. */
  readonly equity: number;
  openOrders(symbol?: string): readonly StrategyOrder[];
  /** Places an order; the answer is its id. A rejected order is reported through `onOrderRejected`. */
  submit(order: StrategyOrderRequest): string;
  buy(quantity?: number, order?: Omit<StrategyOrderRequest, 'side' | 'quantity'>): string;
  sell(quantity?: number, order?: Omit<StrategyOrderRequest, 'side' | 'quantity'>): string;
  /** Closes the whole position in `symbol` with a market order; null when flat. */
  closePosition(symbol?: string): string | null;
  /** Cancels an open order; false when it is no longer open. */
  cancel(orderId: string): boolean;
}
