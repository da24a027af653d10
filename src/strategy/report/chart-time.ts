import type { NumberColumn } from './backtest-report-data.js';

/**
 * lightweight-charts takes UTCTimestamp seconds and throws on a series whose times are not strictly
 * increasing. Sub-second points would collide once truncated to seconds, so this picks, for each second,
 * the last point in it, and drops a point that goes back in time (data out of order cannot be drawn).
 * Returns the indices to keep and their times in seconds.
 */
export function pickChartTimes(timesMs: NumberColumn): { indices: number[]; seconds: number[] } {
  const indices: number[] = [];
  const seconds: number[] = [];
  for (let index = 0; index < timesMs.length; index++) {
    const second = Math.floor((timesMs[index] ?? Number.NaN) / 1000);
    if (!Number.isFinite(second)) continue;
    const previous = seconds.at(-1);
    if (previous === undefined || second > previous) {
      indices.push(index);
      seconds.push(second);
    } else if (second === previous) {
      indices[indices.length - 1] = index;
    }
  }
  return { indices, seconds };
}

/** The index of the last time at or before `second` in increasing `seconds`, or 0 when it lies before all. */
export function indexAtOrBefore(seconds: readonly number[], second: number): number {
  let low = 0;
  let high = seconds.length - 1;
  let found = 0;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((seconds[middle] ?? Number.POSITIVE_INFINITY) <= second) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}
