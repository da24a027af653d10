import type { CandlePoint } from './chart-points.js';

export interface AggregatedCandles {
  readonly candles: CandlePoint[];
  /** How many of the run's bars each drawn candle stands for; 1 when nothing was aggregated. */
  readonly barsPerCandle: number;
}

/**
 * Merges runs of consecutive bars into coarser candles, so that at most `maxCandles` are drawn: each
 * keeps the first bar's time and open, the group's high and low, and the last bar's close, which is the
 * candle a coarser timeframe would have shown.
 */
export function aggregateCandles(bars: readonly CandlePoint[], maxCandles: number): AggregatedCandles {
  if (bars.length <= maxCandles) return { candles: [...bars], barsPerCandle: 1 };
  const barsPerCandle = Math.ceil(bars.length / maxCandles);
  const candles: CandlePoint[] = [];
  for (let start = 0; start < bars.length; start += barsPerCandle) {
    const end = Math.min(start + barsPerCandle, bars.length);
    const first = bars[start]!;
    let high = first.high;
    let low = first.low;
    for (let index = start + 1; index < end; index++) {
      high = Math.max(high, bars[index]!.high);
      low = Math.min(low, bars[index]!.low);
    }
    candles.push({ time: first.time, open: first.open, high, low, close: bars[end - 1]!.close });
  }
  return { candles, barsPerCandle };
}
