import type { SeriesIndicator } from './indicator.js';
import { ExponentialAverage } from './exponential-average.js';
import { assertFinite } from './validation.js';

/**
 * Exponential moving average, alpha = 2 / (period + 1), seeded with the SMA of the first `period` values
 * and first ready on the `period`-th value: the convention of TA-Lib and backtrader (ExponentialSmoothing
 * seeds from its Average). trading-signals v8 differs: its EMA starts from the first value itself and only
 * hides the result until `period` values were seen, so its early values differ from this one by a gap that
 * decays as (1 - alpha)^n. We follow backtrader because the engine's results are checked against it.
 */
export class Ema extends ExponentialAverage implements SeriesIndicator {
  readonly warmup: number;

  constructor(period: number) {
    super(period, 2 / (period + 1), 'Ema');
    this.warmup = period;
  }

  override update(value: number): void {
    assertFinite('Ema', value);
    super.update(value);
  }
}
