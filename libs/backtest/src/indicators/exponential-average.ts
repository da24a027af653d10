import { assertPeriod } from './validation.js';

/**
 * An exponential average seeded with the plain mean of its first `period` values: value = previous ×
 * (1 − alpha) + input × alpha, backtrader's form, so both round alike. The EMA (alpha 2 / (period + 1))
 * and Wilder's smoothing (alpha 1 / period) are this with their own alpha.
 */
export class ExponentialAverage {
  private seen = 0;
  private seedSum = 0;
  private current = Number.NaN;

  constructor(
    readonly period: number,
    private readonly alpha: number,
    name = 'ExponentialAverage',
  ) {
    assertPeriod(name, period);
  }

  get isReady(): boolean {
    return this.seen >= this.period;
  }

  get value(): number {
    return this.current;
  }

  update(value: number): void {
    if (this.seen >= this.period) {
      this.current = this.current * (1 - this.alpha) + value * this.alpha;
      return;
    }
    this.seen++;
    this.seedSum += value;
    if (this.seen === this.period) this.current = this.seedSum / this.period;
  }
}
