import { ExponentialAverage } from './exponential-average.js';

/**
 * Wilder's smoothing (backtrader's SmoothedMovingAverage, trading-signals' WSMA): alpha = 1 / period,
 * seeded with the plain mean of the first `period` values. RSI and ATR share it.
 */
export class WilderAverage extends ExponentialAverage {
  constructor(period: number) {
    super(period, 1 / period, 'WilderAverage');
  }
}
