import { allocateBarSeries, type BarSeries } from '#backtest';

/**
 * A seeded random walk of `length` minute bars (open = previous close, a small drift and noise, high and
 * low around them): the same series on every run, so two runs and the two loops see the same bars.
 */
export function syntheticBars(length: number, seed = 42): BarSeries {
  const series = allocateBarSeries('SYNTH', length);
  let state = seed >>> 0;
  const random = (): number => {
    // mulberry32: small, fast and good enough to shape prices.
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  let close = 100;
  const start = Date.UTC(2020, 0, 1);
  for (let index = 0; index < length; index += 1) {
    const open = close;
    close = Math.max(1, open * (1 + (random() - 0.5) * 0.004));
    series.time[index] = start + index * 60_000;
    series.open[index] = open;
    series.high[index] = Math.max(open, close) * (1 + random() * 0.001);
    series.low[index] = Math.min(open, close) * (1 - random() * 0.001);
    series.close[index] = close;
    series.volume[index] = 1 + Math.floor(random() * 100);
  }
  return series;
}
