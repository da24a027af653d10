import type { SeriesIndicator } from './indicator.js';
import { assertFinite, assertPeriod } from './validation.js';
import { RollingSum } from './rolling-sum.js';

/** Simple moving average; the window sum is compensated (see RollingSum) so it does not drift. */
export class Sma implements SeriesIndicator {
  readonly warmup: number;
  private readonly sum: RollingSum;
  private current = Number.NaN;

  constructor(readonly period: number) {
    assertPeriod('Sma', period);
    this.warmup = period;
    this.sum = new RollingSum(period);
  }

  get isReady(): boolean {
    return this.sum.isFull;
  }

  get value(): number {
    return this.current;
  }

  update(value: number): number {
    assertFinite('Sma', value);
    const sum = this.sum.push(value);
    if (this.sum.isFull) this.current = sum / this.period;
    return this.current;
  }
}
