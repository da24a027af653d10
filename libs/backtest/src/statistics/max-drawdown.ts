import { curveDrawdown } from './curve-drawdown.js';
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

/**
 * The deepest peak-to-trough fall of an equity curve, measured as a fraction of the peak: the same
 * computation a backtest's statistics run on its typed curve (curveDrawdown).
 */
export function maxDrawdown(points: readonly EquityPoint[]): Drawdown {
  const time = Float64Array.from(points, (point) => point.time);
  const equity = Float64Array.from(points, (point) => point.equity);
  const { amount, fraction, peakIndex, troughIndex } = curveDrawdown(time, equity);
  return {
    amount,
    fraction,
    peakTime: peakIndex === null ? null : (time[peakIndex] as number),
    troughTime: troughIndex === null ? null : (time[troughIndex] as number),
  };
}
