import type { BandIndicator, BarIndicator } from './indicator.js';
import { MonotonicDeque } from './monotonic-deque.js';
import { assertFinite, assertPeriod } from './validation.js';

/**
 * Upper band the highest high and lower band the lowest low of the last `period` bars (the current bar
 * included, as trading-signals' DonchianChannels does), middle their midpoint. The close is not used.
 */
export class DonchianChannel implements BandIndicator, BarIndicator {
  readonly warmup: number;
  private readonly highs: MonotonicDeque;
  private readonly lows: MonotonicDeque;
  private upperBand = Number.NaN;
  private middleBand = Number.NaN;
  private lowerBand = Number.NaN;

  constructor(readonly period: number) {
    assertPeriod('DonchianChannel', period);
    this.warmup = period;
    this.highs = new MonotonicDeque(period, 'maximum');
    this.lows = new MonotonicDeque(period, 'minimum');
  }

  get isReady(): boolean {
    return this.highs.isFull;
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

  updateBar(high: number, low: number, _close: number): void {
    assertFinite('DonchianChannel', high);
    assertFinite('DonchianChannel', low);
    const upper = this.highs.push(high);
    const lower = this.lows.push(low);
    if (!this.highs.isFull) return;
    this.upperBand = upper;
    this.lowerBand = lower;
    this.middleBand = (upper + lower) / 2;
  }
}
