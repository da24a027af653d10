import type { SeriesIndicator } from './indicator.js';
import { abs } from './bound-globals.js';
import { assertFinite, assertPeriod } from './validation.js';

/**
 * Simple moving average. The window sum is kept with Neumaier's compensated summation: a plain running sum
 * keeps one rounding error per add and subtract forever (a spike of 1e9 passing through a window of values
 * near 1 leaves ~1e-7 behind), while the compensation carries the lost low-order bits, so the error stays a
 * few ulps of the window's own sum however many bars went through (checked over 2,000,000 values in the
 * spec). The window and the sum live in this one class, with no helper call returning a number: the engine
 * runs it once per bar, and a double returned from a call that is not inlined is a heap allocation.
 */
export class Sma implements SeriesIndicator {
  readonly warmup: number;
  private readonly window: Float64Array;
  private next = 0;
  private count = 0;
  private sum = 0;
  private compensation = 0;
  private current = Number.NaN;

  constructor(readonly period: number) {
    assertPeriod('Sma', period);
    this.warmup = period;
    this.window = new Float64Array(period);
  }

  get isReady(): boolean {
    return this.count === this.period;
  }

  get value(): number {
    return this.current;
  }

  update(value: number): void {
    assertFinite('Sma', value);
    let sum = this.sum;
    let total = sum + value;
    let compensation =
      this.compensation + (abs(sum) >= abs(value) ? sum - total + value : value - total + sum);
    sum = total;
    if (this.count === this.period) {
      const evicted = -this.window[this.next]!;
      total = sum + evicted;
      compensation += abs(sum) >= abs(evicted) ? sum - total + evicted : evicted - total + sum;
      sum = total;
    } else {
      this.count += 1;
    }
    this.window[this.next] = value;
    this.next = this.next + 1 === this.period ? 0 : this.next + 1;
    this.sum = sum;
    this.compensation = compensation;
    if (this.count === this.period) this.current = (sum + compensation) / this.period;
  }
}
