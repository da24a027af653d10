/** A Julian year, the year length of every annualized statistic here. */
export const YEAR_MS = 365.25 * 86_400_000;

/**
 * Bars per year of a curve whose bars span `time[0]`..`time[n − 1]`: (n − 1) intervals over the years
 * between the first and last bar. Null when it cannot be told: fewer than two bars, or no time between them.
 */
export function estimatePeriodsPerYear(time: Float64Array): number | null {
  const n = time.length;
  if (n < 2) return null;
  const years = ((time[n - 1] as number) - (time[0] as number)) / YEAR_MS;
  return years > 0 ? (n - 1) / years : null;
}

/**
 * Compound annual growth rate, (final / start)^(1 / years) − 1 over `spanMs`. Null when the span is not
 * positive (no time to annualize over) or the final equity is not (a loss of everything has no rate).
 */
export function compoundAnnualGrowth(start: number, final: number, spanMs: number): number | null {
  if (!(spanMs > 0) || !(final > 0) || !(start > 0)) return null;
  const growth = (final / start) ** (YEAR_MS / spanMs) - 1;
  return Number.isFinite(growth) ? growth : null;
}
