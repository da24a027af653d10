/**
 * What Sharpe, Sortino and volatility need from a run of periodic returns, gathered one return at a time
 * so a million-bar curve needs no array of returns. The mean and the squared deviations use Welford's
 * update, which stays exact for a constant series (every deviation is exactly 0) and does not lose
 * precision the way a running sum of squares does.
 */
export interface ReturnMoments {
  count: number;
  mean: number;
  /** Sum of squared deviations from the mean. */
  squaredDeviations: number;
  /** Sum of min(0, r)²: the downside of a target of 0. */
  squaredDownside: number;
}

export function emptyReturnMoments(): ReturnMoments {
  return { count: 0, mean: 0, squaredDeviations: 0, squaredDownside: 0 };
}

export function addReturn(moments: ReturnMoments, value: number): void {
  moments.count += 1;
  const delta = value - moments.mean;
  moments.mean += delta / moments.count;
  moments.squaredDeviations += delta * (value - moments.mean);
  if (value < 0) moments.squaredDownside += value * value;
}

export function momentsOf(returns: ArrayLike<number>): ReturnMoments {
  const moments = emptyReturnMoments();
  for (let i = 0; i < returns.length; i += 1) addReturn(moments, returns[i] as number);
  return moments;
}

/** Sample standard deviation (over n − 1); null with fewer than two returns. */
export function sampleStandardDeviation(moments: ReturnMoments): number | null {
  if (moments.count < 2) return null;
  return Math.sqrt(moments.squaredDeviations / (moments.count - 1));
}

/** Sample standard deviation × √periodsPerYear; null with fewer than two returns. */
export function annualizedVolatility(moments: ReturnMoments, periodsPerYear: number): number | null {
  const deviation = sampleStandardDeviation(moments);
  return deviation === null ? null : deviation * Math.sqrt(periodsPerYear);
}

/** Mean over sample standard deviation, × √periodsPerYear; null with under two returns or no variation. */
export function sharpeOfMoments(moments: ReturnMoments, periodsPerYear: number): number | null {
  const deviation = sampleStandardDeviation(moments);
  if (deviation === null || deviation === 0) return null;
  return (moments.mean / deviation) * Math.sqrt(periodsPerYear);
}

/**
 * Mean over the downside deviation √(Σ min(0, r)² / n), taken over every period, × √periodsPerYear;
 * null with fewer than two returns or no losing period.
 */
export function sortinoOfMoments(moments: ReturnMoments, periodsPerYear: number): number | null {
  if (moments.count < 2 || moments.squaredDownside === 0) return null;
  return (moments.mean / Math.sqrt(moments.squaredDownside / moments.count)) * Math.sqrt(periodsPerYear);
}
