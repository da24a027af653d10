import {
  Atr,
  BollingerBands,
  DonchianChannel,
  Ema,
  Macd,
  RollingHigh,
  RollingLow,
  Rsi,
  Sma,
  type BandIndicator,
  type BarIndicator,
  type MacdIndicator,
  type SeriesIndicator,
} from '../indicators/index.js';
import type { BarSeries } from '../data/bar-series.js';
import type { IndicatorFactory, IndicatorOptions, PriceSource } from './strategy-context.js';

/**
 * Feeders take the series and a bar index, not the bar's prices: a double passed to a call the optimizer
 * does not inline is boxed on the heap, and this runs for every indicator on every bar.
 */
type Feeder = (bars: BarSeries, bar: number) => void;

function seriesFeeder(indicator: SeriesIndicator, source: PriceSource): Feeder {
  switch (source) {
    case 'open':
      return (bars, bar) => indicator.update(bars.open[bar]!);
    case 'high':
      return (bars, bar) => indicator.update(bars.high[bar]!);
    case 'low':
      return (bars, bar) => indicator.update(bars.low[bar]!);
    case 'close':
      return (bars, bar) => indicator.update(bars.close[bar]!);
    case 'hl2':
      return (bars, bar) => indicator.update((bars.high[bar]! + bars.low[bar]!) / 2);
    case 'hlc3':
      return (bars, bar) => indicator.update((bars.high[bar]! + bars.low[bar]! + bars.close[bar]!) / 3);
  }
}

/**
 * The indicators a strategy made through its context, each fed with every closed bar of its symbol
 * before the strategy sees that bar: one mechanism for the backtest engine and the live runner.
 */
export class IndicatorSet implements IndicatorFactory {
  private readonly feeders: Feeder[][];

  constructor(private readonly symbols: readonly string[]) {
    this.feeders = symbols.map(() => []);
  }

  /** Feeds closed bar `bar` of `bars`, the series of the symbol at `symbolIndex`, to its indicators. */
  feed(symbolIndex: number, bars: BarSeries, bar: number): void {
    const feeders = this.feeders[symbolIndex]!;
    for (let index = 0; index < feeders.length; index += 1) feeders[index]!(bars, bar);
  }

  sma(period: number, options?: IndicatorOptions): SeriesIndicator {
    return this.series(new Sma(period), options);
  }

  ema(period: number, options?: IndicatorOptions): SeriesIndicator {
    return this.series(new Ema(period), options);
  }

  rsi(period: number, options?: IndicatorOptions): SeriesIndicator {
    return this.series(new Rsi(period), options);
  }

  highest(period: number, options?: IndicatorOptions): SeriesIndicator {
    return this.series(new RollingHigh(period), { source: 'high', ...options });
  }

  lowest(period: number, options?: IndicatorOptions): SeriesIndicator {
    return this.series(new RollingLow(period), { source: 'low', ...options });
  }

  bollinger(period: number, deviations: number, options?: IndicatorOptions): BandIndicator {
    return this.series(new BollingerBands(period, deviations), options);
  }

  macd(fast: number, slow: number, signal: number, options?: IndicatorOptions): MacdIndicator {
    return this.series(new Macd(fast, slow, signal), options);
  }

  atr(period: number, options?: Pick<IndicatorOptions, 'symbol'>): BarIndicator {
    return this.bar(new Atr(period), options);
  }

  donchian(period: number, options?: Pick<IndicatorOptions, 'symbol'>): BandIndicator {
    return this.bar(new DonchianChannel(period), options);
  }

  private series<T extends SeriesIndicator>(indicator: T, options?: IndicatorOptions): T {
    this.feeders[this.indexOf(options?.symbol)]!.push(seriesFeeder(indicator, options?.source ?? 'close'));
    return indicator;
  }

  private bar<T extends BarIndicator>(indicator: T, options?: Pick<IndicatorOptions, 'symbol'>): T {
    this.feeders[this.indexOf(options?.symbol)]!.push((bars, bar) =>
      indicator.updateBar(bars.high[bar]!, bars.low[bar]!, bars.close[bar]!),
    );
    return indicator;
  }

  private indexOf(symbol: string | undefined): number {
    if (symbol === undefined) return 0;
    const index = this.symbols.indexOf(symbol);
    if (index < 0)
      throw new RangeError(`No bars for ${symbol} in this run (it has ${this.symbols.join(', ')})`);
    return index;
  }
}
