import type { SeriesIndicator } from './indicator.js';
import { isNotANumber } from './bound-globals.js';
import { assertFinite, assertPeriod } from './validation.js';
import { WilderAverage } from './wilder-average.js';

/**
 * Wilder's relative strength index. The first averages are the plain means of the first `period` gains and
 * losses, so it needs `period + 1` values (a change needs a previous value); an unchanged value counts as a
 * zero gain and a zero loss. With no losses in the averages the value is 100 (trading-signals does the same;
 * backtrader would divide by zero).
 */
export class Rsi implements SeriesIndicator {
  readonly warmup: number;
  private readonly gains: WilderAverage;
  private readonly losses: WilderAverage;
  private previous = Number.NaN;
  private current = Number.NaN;

  constructor(readonly period: number) {
    assertPeriod('Rsi', period);
    this.warmup = period + 1;
    this.gains = new WilderAverage(period);
    this.losses = new WilderAverage(period);
  }

  get isReady(): boolean {
    return this.gains.isReady;
  }

  get value(): number {
    return this.current;
  }

  update(value: number): void {
    assertFinite('Rsi', value);
    const previous = this.previous;
    this.previous = value;
    if (isNotANumber(previous)) return;
    const change = value - previous;
    this.gains.update(change > 0 ? change : 0);
    this.losses.update(change < 0 ? -change : 0);
    if (!this.gains.isReady) return;
    const averageGain = this.gains.value;
    const averageLoss = this.losses.value;
    this.current = averageLoss === 0 ? 100 : 100 - 100 / (1 + averageGain / averageLoss);
  }
}
