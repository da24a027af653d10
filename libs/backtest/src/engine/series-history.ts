import type { BarSeries } from '../data/bar-series.js';
import type { BarHistory } from '../strategy/strategy-context.js';

/** A symbol's closed bars up to the engine's cursor, read straight from the series' arrays. */
export class SeriesHistory implements BarHistory {
  /** Index of the last closed bar; -1 before the first. */
  cursor = -1;

  constructor(private readonly series: BarSeries) {}

  get length(): number {
    return this.cursor + 1;
  }

  time(ago = 0): number {
    return this.read(this.series.time, ago);
  }

  open(ago = 0): number {
    return this.read(this.series.open, ago);
  }

  high(ago = 0): number {
    return this.read(this.series.high, ago);
  }

  low(ago = 0): number {
    return this.read(this.series.low, ago);
  }

  close(ago = 0): number {
    return this.read(this.series.close, ago);
  }

  volume(ago = 0): number {
    return this.read(this.series.volume, ago);
  }

  private read(column: Float64Array, ago: number): number {
    const index = this.cursor - ago;
    return index >= 0 && ago >= 0 ? column[index]! : Number.NaN;
  }
}
