import { EMA, SMA } from 'trading-signals';

/**
 * An SMA-seeded EMA (TA-Lib's and backtrader's convention) built from trading-signals' parts: its EMA
 * starts from its first input, so feeding it the SMA of the first `period` values and then the rest
 * reproduces the seeded recurrence exactly. Entries are null until the seed exists; entries of `values`
 * that are null are skipped, as an EMA of a warming-up line would.
 */
export function smaSeededEmaReference(values: ArrayLike<number | null>, period: number): (number | null)[] {
  const seedAverage = new SMA(period);
  const ema = new EMA(period);
  let seeded = false;
  return Array.from(values, (value) => {
    if (value === null) return null;
    if (seeded) return ema.update(value, false);
    const seed = seedAverage.update(value, false);
    if (seed === null) return null;
    seeded = true;
    return ema.update(seed, false);
  });
}
