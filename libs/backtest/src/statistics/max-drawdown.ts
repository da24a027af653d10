import type { EquityPoint } from './equity-point.js';

export interface Drawdown {
  /** Largest fall from a running peak, in account currency (>= 0). */
  readonly amount: number;
  /** That fall as a fraction of its peak (0.1 is 10 %). */
  readonly fraction: number;
  /** When the peak and the trough of the largest fall were seen; null when equity never fell. */
  readonly peakTime: number | null;
  readonly troughTime: number | null;
}

/** The deepest peak-to-trough fall of an equity curve, measured as a fraction of the peak. */
export function maxDrawdown(points: readonly EquityPoint[]): Drawdown {
  let worst: Drawdown = { amount: 0, fraction: 0, peakTime: null, troughTime: null };
  let peak: EquityPoint | undefined;
  for (const point of points) {
    if (!peak || point.equity > peak.equity) {
      peak = point;
      continue;
    }
    const amount = peak.equity - point.equity;
    const fraction = peak.equity > 0 ? amount / peak.equity : 0;
    if (fraction > worst.fraction || (fraction === worst.fraction && amount > worst.amount)) {
      worst = { amount, fraction, peakTime: peak.time, troughTime: point.time };
    }
  }
  return worst;
}
