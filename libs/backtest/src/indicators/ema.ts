import type { SeriesIndicator } from './indicator.js';
import { assertFinite, assertPeriod } from './validation.js';

/**
 * Exponential moving average, alpha = 2 / (period + 1), seeded with the SMA of the first `period` values
 * and first ready on the `period`-th value: the convention of TA-Lib and backtrader (ExponentialSmoothing
 * seeds from its Average). trading-signals v8 differs: its EMA starts from the first value itself and only
 * hides the result until `period` values were seen, so its early values differ from this one by a gap that
 * decays as (1 - alpha)^n. We follow backtrader because the engine's results are checked against it.
 */
export class Ema implements SeriesIndicator {
  readonly warmup: number;
  private readonly alpha: number;
  private seen = 0;
  private seedSum = 0;
  private current = Number.NaN;

  constructor(readonly period: number) {
    assertPeriod('Ema', period);
    this.warmup = period;
    this.alpha = 2 / (period + 1);
  }

  get isReady(): boolean {
    return this.seen >= this.period;
  }

  get value(): number {
    return this.current;
  }

  update(value: number): void {
    assertFinite('Ema', value);
    if (this.seen >= this.period) {
      // backtrader's form (prev * (1 - alpha) + value * alpha), so both round alike.
      this.current = this.current * (1 - this.alpha) + value * this.alpha;
      return;
    }
    this.seen++;
    this.seedSum += value;
    if (this.seen === this.period) this.current = this.seedSum / this.period;
  }
}
