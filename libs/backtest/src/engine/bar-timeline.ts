import type { BarSeries } from '../data/bar-series.js';

/**
 * Several symbols' bars on one clock: every distinct bar time of any symbol is a step, and each symbol
 * either has its bar at that step or not (a market closed, a gap in the data).
 */
export interface BarTimeline {
  readonly steps: number;
  readonly time: Float64Array;
  /** Per symbol: its bar index at each step, or -1 when it has no bar then. */
  readonly barAt: readonly Int32Array[];
}

export function alignBars(feed: readonly BarSeries[]): BarTimeline {
  if (feed.length === 1) {
    const only = feed[0]!;
    const barAt = new Int32Array(only.length);
    for (let step = 0; step < only.length; step += 1) barAt[step] = step;
    return { steps: only.length, time: only.time, barAt: [barAt] };
  }
  const cursors = new Int32Array(feed.length);
  const times: number[] = [];
  for (;;) {
    let next = Number.POSITIVE_INFINITY;
    for (let symbol = 0; symbol < feed.length; symbol += 1) {
      if (cursors[symbol]! < feed[symbol]!.length)
        next = Math.min(next, feed[symbol]!.time[cursors[symbol]!]!);
    }
    if (next === Number.POSITIVE_INFINITY) break;
    times.push(next);
    for (let symbol = 0; symbol < feed.length; symbol += 1) {
      if (feed[symbol]!.time[cursors[symbol]!]! === next) cursors[symbol] = cursors[symbol]! + 1;
    }
  }
  const time = Float64Array.from(times);
  const barAt = feed.map((series) => {
    const at = new Int32Array(time.length).fill(-1);
    let bar = 0;
    for (let step = 0; step < time.length && bar < series.length; step += 1) {
      if (series.time[bar]! === time[step]!) at[step] = bar++;
    }
    return at;
  });
  return { steps: time.length, time, barAt };
}
