import type { BandIndicator, SeriesIndicator } from './indicator.js';
import { assertFinite, assertPeriod } from './validation.js';
import { RollingVariance } from './rolling-variance.js';

// Bound once, not looked up on the global object per bar: see bound-globals.ts.
const { sqrt } = Math;

/**
 * Middle band the SMA, outer bands `deviations` population standard deviations away (divide by the period,
 * not period - 1): what trading-signals v8, TA-Lib and backtrader all use.
 */
export class BollingerBands implements BandIndicator, SeriesIndicator {
  readonly warmup: number;
  private readonly window: RollingVariance;
  private upperBand = Number.NaN;
  private middleBand = Number.NaN;
  private lowerBand = Number.NaN;

  constructor(
    readonly period: number,
    readonly deviations = 2,
  ) {
    assertPeriod('BollingerBands', period);
    if (!Number.isFinite(deviations) || deviations < 0) {
      throw new RangeError(`BollingerBands: deviations must be a finite number >= 0, got ${deviations}`);
    }
    this.warmup = period;
    this.window = new RollingVariance(period);
  }

  get isReady(): boolean {
    return this.window.isFull;
  }

  get value(): number {
    return this.middleBand;
  }

  get upper(): number {
    return this.upperBand;
  }

  get middle(): number {
    return this.middleBand;
  }

  get lower(): number {
    return this.lowerBand;
  }

  update(value: number): void {
    assertFinite('BollingerBands', value);
    this.window.push(value);
    if (!this.window.isFull) return;
    const width = this.deviations * sqrt(this.window.populationVariance);
    this.middleBand = this.window.mean;
    this.upperBand = this.middleBand + width;
    this.lowerBand = this.middleBand - width;
  }
}
