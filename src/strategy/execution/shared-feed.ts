import type { BarSeries } from '#backtest/data/bar-series.js';

const COLUMNS = ['time', 'open', 'high', 'low', 'close', 'volume'] as const;

/**
 * A copy of `series` whose columns live in one SharedArrayBuffer: posted to a worker thread it is shared,
 * not copied, so every task of a sweep reads the same bars whatever the number of threads.
 */
export function shareSeries(series: BarSeries): BarSeries {
  const memory = new SharedArrayBuffer(series.length * 8 * COLUMNS.length);
  const [time, open, high, low, close, volume] = COLUMNS.map((column, index) => {
    const view = new Float64Array(memory, index * series.length * 8, series.length);
    view.set(series[column].subarray(0, series.length));
    return view;
  }) as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
  return { symbol: series.symbol, length: series.length, time, open, high, low, close, volume };
}
