import type { BarIndicator } from './indicator.js';
import { isNotANumber } from './bound-globals.js';
import { assertFinite, assertPeriod } from './validation.js';
import { WilderAverage } from './wilder-average.js';

// Bound once, not looked up on the global object per bar: see bound-globals.ts.
const { abs, max } = Math;

/**
 * Wilder's average true range. A true range needs the previous close, so the first bar yields none and the
 * first ATR is the mean of the true ranges of bars 2 .. period + 1: the convention of TA-Lib and backtrader
 * (TrueHigh/TrueLow use close(-1)). trading-signals v8 instead counts the first bar's high - low as a true
 * range and is ready one bar earlier; its values differ from these by a gap decaying as (1 - 1/period)^n.
 */
export class Atr implements BarIndicator {
  readonly warmup: number;
  private readonly average: WilderAverage;
  private previousClose = Number.NaN;

  constructor(readonly period: number) {
    assertPeriod('Atr', period);
    this.warmup = period + 1;
    this.average = new WilderAverage(period);
  }

  get isReady(): boolean {
    return this.average.isReady;
  }

  get value(): number {
    return this.average.value;
  }

  updateBar(high: number, low: number, close: number): void {
    assertFinite('Atr', high);
    assertFinite('Atr', low);
    assertFinite('Atr', close);
    const previousClose = this.previousClose;
    this.previousClose = close;
    if (isNotANumber(previousClose)) return;
    const trueRange = max(high - low, abs(high - previousClose), abs(low - previousClose));
    this.average.update(trueRange);
  }
}
