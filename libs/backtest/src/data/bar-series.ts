/**
 * One symbol's bars in columns of typed arrays: the engine walks them by index, so a bar costs no
 * allocation. Times are the bar's open, milliseconds since the epoch (UTC), strictly increasing.
 */
export interface BarSeries {
  readonly symbol: string;
  readonly length: number;
  readonly time: Float64Array;
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  readonly volume: Float64Array;
}

export interface BarRow {
  readonly time: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume?: number;
}

/** Copies `rows` (sorted by time) into a series. */
export function barSeriesFromRows(symbol: string, rows: readonly BarRow[]): BarSeries {
  const series = allocateBarSeries(symbol, rows.length);
  rows.forEach((row, index) => {
    series.time[index] = row.time;
    series.open[index] = row.open;
    series.high[index] = row.high;
    series.low[index] = row.low;
    series.close[index] = row.close;
    series.volume[index] = row.volume ?? 0;
  });
  return series;
}

export function allocateBarSeries(symbol: string, length: number): BarSeries {
  return {
    symbol,
    length,
    time: new Float64Array(length),
    open: new Float64Array(length),
    high: new Float64Array(length),
    low: new Float64Array(length),
    close: new Float64Array(length),
    volume: new Float64Array(length),
  };
}
