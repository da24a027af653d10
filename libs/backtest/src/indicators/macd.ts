import { Ema } from './ema.js';
import type { MacdIndicator, SeriesIndicator } from './indicator.js';
import { assertFinite, assertPeriod } from './validation.js';

/**
 * MACD as backtrader computes it: the fast and slow SMA-seeded EMAs (see Ema), the MACD line from the bar
 * the slow EMA is ready, and the signal an SMA-seeded EMA of that line. All three lines appear together once
 * the signal is ready, after slow + signal - 1 values. trading-signals v8 instead seeds all three EMAs with
 * their first input and reports from the slow EMA's bar on, with an unsettled signal; the two converge as
 * the seeds decay.
 */
export class Macd implements MacdIndicator, SeriesIndicator {
  readonly warmup: number;
  private readonly fastAverage: Ema;
  private readonly slowAverage: Ema;
  private readonly signalAverage: Ema;
  private macdLine = Number.NaN;
  private signalLine = Number.NaN;
  private histogramLine = Number.NaN;

  constructor(
    readonly fast = 12,
    readonly slow = 26,
    readonly signalPeriod = 9,
  ) {
    assertPeriod('Macd fast', fast);
    assertPeriod('Macd slow', slow);
    assertPeriod('Macd signal', signalPeriod);
    this.warmup = Math.max(fast, slow) + signalPeriod - 1;
    this.fastAverage = new Ema(fast);
    this.slowAverage = new Ema(slow);
    this.signalAverage = new Ema(signalPeriod);
  }

  get isReady(): boolean {
    return this.signalAverage.isReady;
  }

  get value(): number {
    return this.macdLine;
  }

  get macd(): number {
    return this.macdLine;
  }

  get signal(): number {
    return this.signalLine;
  }

  get histogram(): number {
    return this.histogramLine;
  }

  update(value: number): void {
    assertFinite('Macd', value);
    this.fastAverage.update(value);
    this.slowAverage.update(value);
    if (!this.fastAverage.isReady || !this.slowAverage.isReady) return;
    const macd = this.fastAverage.value - this.slowAverage.value;
    this.signalAverage.update(macd);
    if (!this.signalAverage.isReady) return;
    const signal = this.signalAverage.value;
    this.macdLine = macd;
    this.signalLine = signal;
    this.histogramLine = macd - signal;
  }
}
