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
import type { IndicatorFactory, IndicatorOptions, PriceSource } from './strategy-context.js';

type Feeder = (open: number, high: number, low: number, close: number) => void;

function seriesFeeder(indicator: SeriesIndicator, source: PriceSource): Feeder {
  switch (source) {
    case 'open':
      return (open) => void indicator.update(open);
    case 'high':
      return (_open, high) => void indicator.update(high);
    case 'low':
      return (_open, _high, low) => void indicator.update(low);
    case 'close':
      return (_open, _high, _low, close) => void indicator.update(close);
    case 'hl2':
      return (_open, high, low) => void indicator.update((high + low) / 2);
    case 'hlc3':
      return (_open, high, low, close) => void indicator.update((high + low + close) / 3);
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

  /** Feeds one closed bar of the symbol at `symbolIndex` to its indicators. */
  feed(symbolIndex: number, open: number, high: number, low: number, close: number): void {
    const feeders = this.feeders[symbolIndex]!;
    for (let index = 0; index < feeders.length; index += 1) feeders[index]!(open, high, low, close);
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
    this.feeders[this.indexOf(options?.symbol)]!.push(
      (_open, high, low, close) => void indicator.updateBar(high, low, close),
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
