/** The drawdown of an equity curve held as typed arrays, as the backtest engine writes it. */
export interface CurveDrawdown {
  /** Largest fall from a running peak, in account currency (>= 0). */
  readonly amount: number;
  /** That fall as a fraction of its peak (0.1 is 10 %); the deepest fraction wins, then the larger amount. */
  readonly fraction: number;
  /** Bars of the peak and the trough of that fall; null when equity never fell. */
  readonly peakIndex: number | null;
  readonly troughIndex: number | null;
  /**
   * The longest stretch below a previous peak, from the last bar at the peak to the first bar back at or
   * above it, or to the last bar when the curve ends below it: in ms (the longest wins) and in bars.
   */
  readonly durationMs: number;
  readonly durationBars: number;
}

/** (peak − equity) / peak; a peak at or below zero has no meaningful fraction and counts as 0. */
function fractionBelow(peak: number, equity: number): number {
  return peak > 0 ? (peak - equity) / peak : 0;
}

/** Fraction below the running peak after each bar: 0 at a peak, 0.1 when 10 % down. */
export function drawdownSeries(equity: Float64Array): Float64Array {
  const series = new Float64Array(equity.length);
  let peak = -Infinity;
  for (let i = 0; i < equity.length; i += 1) {
    const value = equity[i] as number;
    if (value > peak) peak = value;
    series[i] = value < peak ? fractionBelow(peak, value) : 0;
  }
  return series;
}

/**
 * Deepest fall and longest time under water of the curve, in one pass. The first bar is the first peak.
 * `time` and `equity` are parallel, oldest first.
 */
export function curveDrawdown(time: Float64Array, equity: Float64Array): CurveDrawdown {
  if (equity.length === 0) {
    return { amount: 0, fraction: 0, peakIndex: null, troughIndex: null, durationMs: 0, durationBars: 0 };
  }
  let amount = 0;
  let fraction = 0;
  let peakIndex: number | null = null;
  let troughIndex: number | null = null;
  let durationMs = 0;
  let durationBars = 0;
  // The running peak's first bar (where a fall is measured from) and the last bar at or above it (where
  // the time under water is measured from: a return to the peak ends a stretch, so none starts earlier).
  let peak = equity[0] as number;
  let firstAtPeak = 0;
  let lastAtPeak = 0;
  const closeStretch = (end: number): void => {
    const ms = (time[end] as number) - (time[lastAtPeak] as number);
    const bars = end - lastAtPeak;
    if (ms > durationMs || (ms === durationMs && bars > durationBars)) {
      durationMs = ms;
      durationBars = bars;
    }
  };
  for (let i = 1; i < equity.length; i += 1) {
    const value = equity[i] as number;
    if (value >= peak) {
      if (lastAtPeak < i - 1) closeStretch(i);
      if (value > peak) {
        peak = value;
        firstAtPeak = i;
      }
      lastAtPeak = i;
      continue;
    }
    const fall = peak - value;
    const fallFraction = fractionBelow(peak, value);
    if (fallFraction > fraction || (fallFraction === fraction && fall > amount)) {
      amount = fall;
      fraction = fallFraction;
      peakIndex = firstAtPeak;
      troughIndex = i;
    }
  }
  if (lastAtPeak < equity.length - 1) closeStretch(equity.length - 1);
  return { amount, fraction, peakIndex, troughIndex, durationMs, durationBars };
}
