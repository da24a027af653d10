import type { LinePoint } from './chart-points.js';

/** Points each bucket keeps: its first, lowest, highest and last. */
const POINTS_PER_BUCKET = 4;

/**
 * Reduces a line to at most `maxPoints` points without hiding what matters on an equity or drawdown
 * curve: each bucket of consecutive points keeps its first, minimum, maximum and last point in time order,
 * so every peak and every trough (the deepest drawdown included) survives, as do the run's ends.
 */
export function downsampleLine(points: readonly LinePoint[], maxPoints: number): LinePoint[] {
  if (points.length <= maxPoints) return [...points];
  const bucketCount = Math.max(1, Math.floor(maxPoints / POINTS_PER_BUCKET));
  const bucketSize = Math.ceil(points.length / bucketCount);
  const kept: LinePoint[] = [];
  for (let start = 0; start < points.length; start += bucketSize) {
    const end = Math.min(start + bucketSize, points.length);
    let lowest = start;
    let highest = start;
    for (let index = start + 1; index < end; index++) {
      const value = points[index]!.value;
      if (value < points[lowest]!.value) lowest = index;
      if (value > points[highest]!.value) highest = index;
    }
    // A Set of indices, sorted: the four can coincide, and the chart needs strictly increasing times.
    const indices = [...new Set([start, lowest, highest, end - 1])].sort((a, b) => a - b);
    for (const index of indices) kept.push(points[index]!);
  }
  return kept;
}
