import type { BarRow, BarSeries } from '#backtest/data/bar-series.js';

export interface LiveBarSeriesOptions {
  /** Most bars kept; older ones are dropped. Default 10_000. */
  readonly maxBars?: number;
  /** Columns reserved up front (grown by doubling after). Default min(maxBars, 256). */
  readonly initialCapacity?: number;
}

const COLUMNS = ['time', 'open', 'high', 'low', 'close', 'volume'] as const;
type Column = (typeof COLUMNS)[number];

/**
 * One symbol's closed bars for a live run, in the `BarSeries` shape so the engine's readers (indicator
 * feeders, `SeriesHistory`) work on it unchanged.
 *
 * Indexes are positions in the current window, not since the run started: once `maxBars` is reached the
 * oldest quarter of the window is dropped in one go (a run lasting months must not grow without end, and
 * dropping one bar per append would copy the whole window every bar). After a drop every index shifts down
 * by the number dropped, so a reader must not keep an index across `append`: use the index `append`
 * returns, and `dropped` to turn window positions into positions since the start (`dropped + index`).
 *
 * Each column getter returns a view exactly `length` long, like a backtest series, so code reading
 * `time.length` or iterating a column sees no unused capacity. A view handed out is never written to
 * afterwards (appends write past its end, drops copy into new arrays), so it stays a consistent snapshot;
 * read the column again after `append` for the new bar.
 */
export class LiveBarSeries implements BarSeries {
  readonly maxBars: number;
  private columns: Record<Column, Float64Array>;
  private views: Partial<Record<Column, Float64Array>> = {};
  private size = 0;
  private droppedBars = 0;

  constructor(
    readonly symbol: string,
    options: LiveBarSeriesOptions = {},
  ) {
    this.maxBars = options.maxBars ?? 10_000;
    // Under 4 bars a quarter rounds to nothing, and an indicator needs more than that to say anything.
    if (!Number.isSafeInteger(this.maxBars) || this.maxBars < 4)
      throw new RangeError(`maxBars must be an integer of at least 4, got ${this.maxBars}`);
    const capacity = Math.min(this.maxBars, options.initialCapacity ?? 256);
    if (!Number.isSafeInteger(capacity) || capacity < 1)
      throw new RangeError(`initialCapacity must be a positive integer, got ${options.initialCapacity}`);
    this.columns = allocate(capacity);
  }

  /** Warm-up history first, then live bars: the last `maxBars` of `history` are kept. */
  static fromSeries(history: BarSeries, options: LiveBarSeriesOptions = {}): LiveBarSeries {
    const series = new LiveBarSeries(history.symbol, options);
    for (let index = Math.max(0, history.length - series.maxBars); index < history.length; index += 1) {
      series.append({
        time: history.time[index]!,
        open: history.open[index]!,
        high: history.high[index]!,
        low: history.low[index]!,
        close: history.close[index]!,
        volume: history.volume[index]!,
      });
    }
    return series;
  }

  get length(): number {
    return this.size;
  }

  /** Bars dropped from the front since the series was made. */
  get dropped(): number {
    return this.droppedBars;
  }

  /** Time of the newest bar; NaN while empty. */
  get lastTime(): number {
    return this.size > 0 ? this.columns.time[this.size - 1]! : Number.NaN;
  }

  get time(): Float64Array {
    return this.view('time');
  }

  get open(): Float64Array {
    return this.view('open');
  }

  get high(): Float64Array {
    return this.view('high');
  }

  get low(): Float64Array {
    return this.view('low');
  }

  get close(): Float64Array {
    return this.view('close');
  }

  get volume(): Float64Array {
    return this.view('volume');
  }

  /**
   * Adds a closed bar and returns its index in the window (after any drop it caused). Refuses a bar not
   * strictly after the last one and non-finite prices: one NaN close would poison every average fed from
   * it for the rest of the run, and an out-of-order bar would break the engine's time order.
   */
  append(bar: BarRow): number {
    const volume = bar.volume ?? 0;
    if (!Number.isFinite(bar.time) || !(this.size === 0 || bar.time > this.lastTime))
      throw new RangeError(
        `${this.symbol}: bar at ${bar.time} is not after the last bar (${this.lastTime}); bars must be appended in time order`,
      );
    if (![bar.open, bar.high, bar.low, bar.close, volume].every(Number.isFinite))
      throw new RangeError(`${this.symbol}: bar at ${bar.time} has a non-finite price or volume`);
    if (this.size === this.maxBars) this.dropOldest(Math.ceil(this.maxBars / 4));
    else if (this.size === this.columns.time.length) this.grow();
    const index = this.size;
    const { columns } = this;
    columns.time[index] = bar.time;
    columns.open[index] = bar.open;
    columns.high[index] = bar.high;
    columns.low[index] = bar.low;
    columns.close[index] = bar.close;
    columns.volume[index] = volume;
    this.size += 1;
    this.views = {};
    return index;
  }

  private view(column: Column): Float64Array {
    return (this.views[column] ??= this.columns[column].subarray(0, this.size));
  }

  private grow(): void {
    const next = allocate(Math.min(this.maxBars, this.columns.time.length * 2));
    for (const column of COLUMNS) next[column].set(this.columns[column].subarray(0, this.size));
    this.columns = next;
  }

  // Copies into fresh arrays rather than shifting in place, so views already handed out keep their bars.
  private dropOldest(count: number): void {
    const next = allocate(this.maxBars);
    for (const column of COLUMNS) next[column].set(this.columns[column].subarray(count, this.size));
    this.columns = next;
    this.size -= count;
    this.droppedBars += count;
  }
}

function allocate(capacity: number): Record<Column, Float64Array> {
  return {
    time: new Float64Array(capacity),
    open: new Float64Array(capacity),
    high: new Float64Array(capacity),
    low: new Float64Array(capacity),
    close: new Float64Array(capacity),
    volume: new Float64Array(capacity),
  };
}
