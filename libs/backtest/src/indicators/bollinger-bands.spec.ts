import { BollingerBands as TradingSignalsBollingerBands } from 'trading-signals';

import { loadFixtureSeries } from '../testing/market-data-fixture.js';
import { measureAgreement } from '../testing/series-agreement.js';
import { BollingerBands } from './bollinger-bands.js';
import { updated } from '../testing/updated.js';

/**
 * Relative tolerance against trading-signals, which recomputes mean and deviation from each window. The
 * bands sit at the price level, so their error is measured against it; measured ~1e-15.
 */
const RELATIVE_TOLERANCE = 1e-12;

describe('BollingerBands', () => {
  it('puts the bands population standard deviations away from the SMA', () => {
    const bands = new BollingerBands(5, 2);
    [1, 2, 3, 4].forEach((value) => expect(updated(bands, value)).toBeNaN());
    expect(bands.upper).toBeNaN();
    // Mean 3; squared deviations 4 + 1 + 0 + 1 + 4 = 10, over 5 (not 4): variance 2.
    expect(updated(bands, 5)).toBe(3);
    expect(bands.middle).toBe(3);
    expect(bands.upper).toBeCloseTo(3 + 2 * Math.SQRT2, 14);
    expect(bands.lower).toBeCloseTo(3 - 2 * Math.SQRT2, 14);
    expect(bands.warmup).toBe(5);
  });

  it('collapses to the value on a flat window', () => {
    const bands = new BollingerBands(3, 2);
    [7, 7, 7, 7, 7].forEach((value) => bands.update(value));
    expect([bands.lower, bands.middle, bands.upper]).toEqual([7, 7, 7]);
  });

  it.each(['GOOG', 'EURUSD'] as const)(
    'agrees with trading-signals BollingerBands on every %s close',
    (name) => {
      const { close } = loadFixtureSeries(name);
      for (const [period, deviations] of [
        [20, 2],
        [5, 1.5],
      ] as const) {
        const ours = new BollingerBands(period, deviations);
        const theirs = new TradingSignalsBollingerBands(period, deviations);
        const lines = { upper: [] as number[], middle: [] as number[], lower: [] as number[] };
        const reference = {
          upper: [] as (number | null)[],
          middle: [] as (number | null)[],
          lower: [] as (number | null)[],
        };
        for (const value of close) {
          ours.update(value);
          const result = theirs.update(value, false);
          for (const line of ['upper', 'middle', 'lower'] as const) {
            lines[line].push(ours[line]);
            reference[line].push(result ? result[line] : null);
          }
        }
        for (const line of ['upper', 'middle', 'lower'] as const) {
          const agreement = measureAgreement(lines[line], reference[line], close);
          expect(agreement.firstReady).toBe(period - 1);
          expect(agreement.referenceFirstReady).toBe(period - 1);
          expect(agreement.readinessMismatches).toBe(0);
          expect(agreement.maxRelativeError).toBeLessThan(RELATIVE_TOLERANCE);
        }
      }
    },
  );

  it('keeps the deviation of a narrow window at a high level exact over 1,000,000 values', () => {
    const period = 20;
    const bands = new BollingerBands(period, 1);
    const values = Array.from({ length: 1_000_000 }, (_, index) => 1e6 + ((index * 7919) % 13) * 1e-3);
    values.forEach((value) => bands.update(value));
    const window = values.slice(-period);
    const mean = window.reduce((sum, value) => sum + value, 0) / period;
    const deviation = Math.sqrt(window.reduce((sum, value) => sum + (value - mean) ** 2, 0) / period);
    // Doubles near 1e6 are 1.2e-10 apart, so a deviation of ~4e-3 is only defined to ~3e-8 (measured 2.6e-8
    // at worst along the run); a mean-of-squares formula would lose it entirely (1e12 * 2e-16 ≫ 1.4e-5).
    expect(Math.abs(bands.upper - bands.middle - deviation) / deviation).toBeLessThan(1e-7);
    expect(Math.abs(bands.middle - mean) / mean).toBeLessThan(1e-12);
  });
});
