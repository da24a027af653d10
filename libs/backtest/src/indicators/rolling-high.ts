import type { SeriesIndicator } from './indicator.js';
import { MonotonicDeque } from './monotonic-deque.js';
import { assertFinite, assertPeriod } from './validation.js';
import { NOT_A_NUMBER } from './bound-globals.js';

/** The highest of the last `period` values (e.g. highs for a breakout level), amortized O(1) per value. */
export class RollingHigh implements SeriesIndicator {
  readonly warmup: number;
  private readonly deque: MonotonicDeque;

  constructor(readonly period: number) {
    assertPeriod('RollingHigh', period);
    this.warmup = period;
    this.deque = new MonotonicDeque(period, 'maximum');
  }

  get isReady(): boolean {
    return this.deque.isFull;
  }

  get value(): number {
    return this.deque.isFull ? this.deque.extreme : NOT_A_NUMBER;
  }

  update(value: number): void {
    assertFinite('RollingHigh', value);
    this.deque.push(value);
  }
}
