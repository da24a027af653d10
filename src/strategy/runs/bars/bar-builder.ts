import type { StoredBar } from '../../../market-data/candle.repository.js';

/** One trade (or last-price update) from a live feed. `timeMs` is the exchange's time, ms since the epoch. */
export interface Tick {
  readonly price: number;
  /** Traded quantity; absent on feeds that only send prices, which then build bars with volume 0. */
  readonly size?: number;
  readonly timeMs: number;
}

/** A finished bar; `time` is its start, as in a backtest series and the candle cache. */
export type ClosedBar = StoredBar;

export interface BarBuilderOptions {
  /**
   * How long after a bar's end the clock waits before closing it, so ticks delayed by the network or a
   * clock running ahead of the exchange still count. Default 0; must be under the timeframe.
   */
  readonly graceMs?: number;
}

interface BarInProgress {
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  /** Exchange times of the ticks that set open and close, so a tick arriving out of order lands right. */
  openTimeMs: number;
  closeTimeMs: number;
}

/**
 * Builds closed bars of one timeframe from ticks. Bars are aligned to the UTC epoch (a bar's time is
 * `floor(t / timeframeMs) * timeframeMs`, its start) so they line up with the history a warm-up loads.
 *
 * A bucket without a tick gets no bar: gaps are skipped, not filled with flat bars, because a flat bar
 * would feed indicators a price nobody traded at (dragging averages and ranges toward it) and the
 * history providers leave those buckets out too, so live and backtest runs see the same bars.
 *
 * A bar closes when a tick from a later bucket arrives (`onTick`) or when the clock passes its end plus
 * the grace (`onClock`), whichever comes first. Once a bucket is closed, or the clock has passed its end
 * plus the grace, ticks for it are late: they are dropped and counted, never reopening a bar a strategy
 * may already have acted on.
 */
export class BarBuilder {
  /** Ticks dropped because their bar had already closed (out of order, or past the grace). */
  droppedLateTicks = 0;
  /** Ticks dropped for a non-finite or non-positive price, a bad size or a bad time. */
  droppedInvalidTicks = 0;
  /** Ticks skipped because the warm-up history given to `seed` already covers their bar. */
  skippedSeededTicks = 0;

  readonly graceMs: number;
  private bar: BarInProgress | null = null;
  /** Start of the newest bucket that may take no more ticks (closed, seeded or past the clock). */
  private sealedThrough = Number.NEGATIVE_INFINITY;
  private seededThrough = Number.NEGATIVE_INFINITY;

  constructor(
    readonly timeframeMs: number,
    options: BarBuilderOptions = {},
  ) {
    if (!Number.isSafeInteger(timeframeMs) || timeframeMs <= 0)
      throw new RangeError(`timeframeMs must be a positive integer, got ${timeframeMs}`);
    this.graceMs = options.graceMs ?? 0;
    if (!Number.isFinite(this.graceMs) || this.graceMs < 0 || this.graceMs >= timeframeMs)
      throw new RangeError(`graceMs must be at least 0 and under the timeframe, got ${this.graceMs}`);
  }

  /** The bar in progress (a copy), or null before the first tick and after a bar closes by the clock. */
  get current(): ClosedBar | null {
    return this.bar && toClosedBar(this.bar);
  }

  /**
   * Ignores ticks in or before the bar of `lastClosedBarTimeMs`, the last warm-up bar: the history already
   * has them, and counting them again would double that bar's volume. Drops a bar in progress it covers.
   */
  seed(lastClosedBarTimeMs: number): void {
    if (!Number.isFinite(lastClosedBarTimeMs))
      throw new RangeError(`seed needs a finite bar time, got ${lastClosedBarTimeMs}`);
    const bucket = this.bucketOf(lastClosedBarTimeMs);
    this.seededThrough = Math.max(this.seededThrough, bucket);
    this.sealedThrough = Math.max(this.sealedThrough, bucket);
    if (this.bar && this.bar.time <= bucket) this.bar = null;
  }

  /** Adds a tick; returns the bar it closed (a tick in a later bucket closes the bar in progress). */
  onTick(tick: Tick): ClosedBar[] {
    const size = tick.size ?? 0;
    if (!isValidTick(tick.price, size, tick.timeMs)) {
      this.droppedInvalidTicks += 1;
      return [];
    }
    const bucket = this.bucketOf(tick.timeMs);
    if (bucket <= this.seededThrough) {
      this.skippedSeededTicks += 1;
      return [];
    }
    if (bucket <= this.sealedThrough || (this.bar !== null && bucket < this.bar.time)) {
      this.droppedLateTicks += 1;
      return [];
    }
    if (this.bar?.time === bucket) {
      this.addTo(this.bar, tick.price, size, tick.timeMs);
      return [];
    }
    const closed = this.closeBar();
    this.bar = {
      time: bucket,
      open: tick.price,
      high: tick.price,
      low: tick.price,
      close: tick.price,
      volume: size,
      openTimeMs: tick.timeMs,
      closeTimeMs: tick.timeMs,
    };
    return closed;
  }

  /**
   * Tells the builder the time now (same clock as the ticks' `timeMs`); closes the bar in progress once
   * `nowMs` reaches its end plus the grace, so the last bar before a quiet spell is not held back.
   */
  onClock(nowMs: number): ClosedBar[] {
    if (!Number.isFinite(nowMs)) return [];
    // The newest bucket whose end plus grace is at or before now: any later tick for it would be late.
    const expired = this.bucketOf(nowMs - this.graceMs) - this.timeframeMs;
    this.sealedThrough = Math.max(this.sealedThrough, expired);
    return this.bar !== null && this.bar.time <= expired ? this.closeBar() : [];
  }

  private addTo(bar: BarInProgress, price: number, size: number, timeMs: number): void {
    if (price > bar.high) bar.high = price;
    if (price < bar.low) bar.low = price;
    bar.volume += size;
    // Ticks sharing a millisecond keep arrival order: the one that came last is the close.
    if (timeMs < bar.openTimeMs) {
      bar.open = price;
      bar.openTimeMs = timeMs;
    }
    if (timeMs >= bar.closeTimeMs) {
      bar.close = price;
      bar.closeTimeMs = timeMs;
    }
  }

  private closeBar(): ClosedBar[] {
    const { bar } = this;
    if (bar === null) return [];
    this.bar = null;
    this.sealedThrough = Math.max(this.sealedThrough, bar.time);
    return [toClosedBar(bar)];
  }

  private bucketOf(timeMs: number): number {
    return Math.floor(timeMs / this.timeframeMs) * this.timeframeMs;
  }
}

function isValidTick(price: number, size: number, timeMs: number): boolean {
  return price > 0 && Number.isFinite(price) && size >= 0 && Number.isFinite(size) && Number.isFinite(timeMs);
}

function toClosedBar(bar: BarInProgress): ClosedBar {
  const { time, open, high, low, close, volume } = bar;
  return { time, open, high, low, close, volume };
}
