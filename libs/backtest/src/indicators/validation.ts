import { isFiniteNumber } from './bound-globals.js';

/** Rejects a period that would leave an indicator with an empty or fractional window. */
export function assertPeriod(name: string, period: number): void {
  if (!Number.isInteger(period) || period < 1) {
    throw new RangeError(`${name}: the period must be a positive integer, got ${period}`);
  }
}

/**
 * A NaN or infinite input would poison a running sum for good (it never leaves the sum even after leaving
 * the window), so inputs are checked at the door and a bad data point fails the run where it appears.
 */
export function assertFinite(name: string, value: number): void {
  if (!isFiniteNumber(value)) throw new RangeError(`${name}: input must be a finite number, got ${value}`);
}
