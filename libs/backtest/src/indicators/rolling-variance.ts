import { isNotANumber, NOT_A_NUMBER } from './bound-globals.js';
import { RingBuffer } from './ring-buffer.js';

// Bound once, not looked up on the global object per bar: see bound-globals.ts.
const { max } = Math;

/**
 * Mean and population variance of the last `period` values in amortized O(1). Sums of x and x² would lose
 * the variance to cancellation when the spread is small against the level (EURUSD: level 1.1, spread 1e-3),
 * so the window slides with Welford's update of the sum of squared deviations instead. That update still
 * rounds a little on every bar, so every `period` slides both are recomputed from the window in two exact
 * passes: an O(period) pass per `period` bars keeps the cost O(1) amortized and bounds the drift to the
 * errors of one window's worth of updates.
 */
export class RollingVariance {
  private readonly window: RingBuffer;
  private average = 0;
  private squaredDeviations = 0;
  private slidesSinceRecompute = 0;

  constructor(readonly period: number) {
    this.window = new RingBuffer(period);
  }

  get isFull(): boolean {
    return this.window.isFull;
  }

  get mean(): number {
    return this.window.length === 0 ? NOT_A_NUMBER : this.average;
  }

  get populationVariance(): number {
    if (this.window.length === 0) return NOT_A_NUMBER;
    // Rounding can leave a flat window's sum a hair below zero.
    return max(0, this.squaredDeviations) / this.window.length;
  }

  push(value: number): void {
    const evicted = this.window.push(value);
    if (isNotANumber(evicted)) {
      const delta = value - this.average;
      this.average += delta / this.window.length;
      this.squaredDeviations += delta * (value - this.average);
      return;
    }
    if (++this.slidesSinceRecompute >= this.period) {
      this.recompute();
      return;
    }
    const previousMean = this.average;
    this.average = previousMean + (value - evicted) / this.period;
    this.squaredDeviations += (value - evicted) * (value - this.average + evicted - previousMean);
  }

  private recompute(): void {
    let sum = 0;
    for (let index = 0; index < this.period; index++) sum += this.window.at(index);
    const mean = sum / this.period;
    let squaredDeviations = 0;
    for (let index = 0; index < this.period; index++) {
      const deviation = this.window.at(index) - mean;
      squaredDeviations += deviation * deviation;
    }
    this.average = mean;
    this.squaredDeviations = squaredDeviations;
    this.slidesSinceRecompute = 0;
  }
}
