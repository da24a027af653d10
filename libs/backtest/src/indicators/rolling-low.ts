import type { SeriesIndicator } from './indicator.js';
import { MonotonicDeque } from './monotonic-deque.js';
import { assertFinite, assertPeriod } from './validation.js';
import { NOT_A_NUMBER } from './bound-globals.js';

/** The lowest of the last `period` values (e.g. lows for a trailing stop), amortized O(1) per value. */
export class RollingLow implements SeriesIndicator {
  readonly warmup: number;
  private readonly deque: MonotonicDeque;

  constructor(readonly period: number) {
    assertPeriod('RollingLow', period);
    this.warmup = period;
    this.deque = new MonotonicDeque(period, 'minimum');
  }

  get isReady(): boolean {
    return this.deque.isFull;
  }

  get value(): number {
    return this.deque.isFull ? this.deque.extreme : NOT_A_NUMBER;
  }

  update(value: number): void {
    assertFinite('RollingLow', value);
    this.deque.push(value);
  }
}
