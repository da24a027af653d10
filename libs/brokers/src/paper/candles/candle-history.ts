import type Big from 'big.js';
import type { Candle } from '../../domain/index.js';
import { type MinuteBar, minuteOf, toCandle } from './minute-bar.js';
import { ZERO } from '../market/paper-quote.js';

/** Enough for ~69 days of 1-minute bars per symbol; older bars are dropped. */
export const DEFAULT_MAX_BARS = 100_000;

/**
 * 1-minute OHLCV bars per symbol, built from every price the feed prints, aggregated on request into
 * any timeframe (bars aligned to multiples of the timeframe since the UTC epoch).
 */
export class CandleHistory {
  private readonly bars = new Map<string, MinuteBar[]>();

  constructor(private readonly maxBarsPerSymbol = DEFAULT_MAX_BARS) {}

  /** Puts generated past bars (oldest first) in front of whatever was recorded since. */
  preload(symbol: string, past: readonly MinuteBar[]): void {
    const recorded = this.bars.get(symbol) ?? [];
    const firstRecorded = recorded[0]?.openMs ?? Number.POSITIVE_INFINITY;
    this.bars.set(symbol, [...past.filter((bar) => bar.openMs < firstRecorded), ...recorded]);
    this.trim(symbol);
  }

  /** Adds one printed price and the volume traded with it to the bar of its minute. */
  record(symbol: string, price: Big, volume: Big, timeMs: number): void {
    const bar = this.barAt(symbol, timeMs, price);
    if (price.gt(bar.high)) bar.high = price;
    if (price.lt(bar.low)) bar.low = price;
    bar.close = price;
    bar.volume = bar.volume.plus(volume);
  }

  /** Adds executed quantity to the current bar, so the account's own fills show in the volume. */
  addVolume(symbol: string, quantity: Big, timeMs: number): void {
    const last = this.bars.get(symbol)?.at(-1);
    if (!last) return;
    const bar = this.barAt(symbol, timeMs, last.close);
    bar.volume = bar.volume.plus(quantity);
  }

  /**
   * Bars of `timeframeMs` whose open time lies in [fromMs, toMs], oldest first. The newest bar may still
   * be forming.
   */
  getCandles(symbol: string, timeframeMs: number, fromMs: number, toMs: number): Candle[] {
    const bars = this.bars.get(symbol) ?? [];
    const firstBucket = Math.ceil(fromMs / timeframeMs) * timeframeMs;
    const candles: Candle[] = [];
    let current: MinuteBar | null = null;
    for (let i = lowerBound(bars, firstBucket); i < bars.length; i++) {
      const bar = bars[i];
      if (!bar) break;
      const bucket = Math.floor(bar.openMs / timeframeMs) * timeframeMs;
      if (bucket > toMs) break;
      if (current && current.openMs === bucket) {
        if (bar.high.gt(current.high)) current.high = bar.high;
        if (bar.low.lt(current.low)) current.low = bar.low;
        current.close = bar.close;
        current.volume = current.volume.plus(bar.volume);
      } else {
        if (current) candles.push(toCandle(current));
        current = { ...bar, openMs: bucket };
      }
    }
    if (current) candles.push(toCandle(current));
    return candles;
  }

  /** How many 1-minute bars are kept for `symbol`. */
  size(symbol: string): number {
    return this.bars.get(symbol)?.length ?? 0;
  }

  /** The bar of the minute of `timeMs`; a clock that steps back lands in the newest bar. */
  private barAt(symbol: string, timeMs: number, price: Big): MinuteBar {
    let bars = this.bars.get(symbol);
    if (!bars) {
      bars = [];
      this.bars.set(symbol, bars);
    }
    const minute = minuteOf(timeMs);
    const last = bars.at(-1);
    if (last && last.openMs >= minute) return last;
    const bar: MinuteBar = {
      openMs: minute,
      open: price,
      high: price,
      low: price,
      close: price,
      volume: ZERO,
    };
    bars.push(bar);
    this.trim(symbol);
    return bar;
  }

  /** Drops the oldest bars in batches, so a full history costs one splice per 10% of the cap. */
  private trim(symbol: string): void {
    const bars = this.bars.get(symbol);
    if (!bars || bars.length <= this.maxBarsPerSymbol) return;
    const excess = bars.length - this.maxBarsPerSymbol;
    const batch = Math.max(excess, Math.floor(this.maxBarsPerSymbol / 10));
    bars.splice(0, Math.min(batch, bars.length - 1));
  }
}

/** Index of the first bar opening at or after `timeMs`. */
function lowerBound(bars: readonly MinuteBar[], timeMs: number): number {
  let low = 0;
  let high = bars.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((bars[middle]?.openMs ?? Number.POSITIVE_INFINITY) < timeMs) low = middle + 1;
    else high = middle;
  }
  return low;
}
