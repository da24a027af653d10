import { assertPeriod } from './validation.js';

/**
 * Wilder's smoothing (backtrader's SmoothedMovingAverage, trading-signals' WSMA): an exponential average
 * with alpha = 1 / period, seeded with the plain mean of the first `period` values. RSI and ATR share it.
 */
export class WilderAverage {
  private readonly alpha: number;
  private seen = 0;
  private seedSum = 0;
  private current = Number.NaN;

  constructor(readonly period: number) {
    assertPeriod('WilderAverage', period);
    this.alpha = 1 / period;
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
