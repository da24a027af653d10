import { EMA } from 'trading-signals';

import { loadFixtureSeries } from '../testing/market-data-fixture.js';
import { measureAgreement } from '../testing/series-agreement.js';
import { smaSeededEmaReference } from '../testing/trading-signals-reference.js';
import { Ema } from './ema.js';
import { updated } from '../testing/updated.js';

/** Relative tolerance against the same recurrence in trading-signals; measured ~1e-15. */
const RELATIVE_TOLERANCE = 1e-12;

describe('Ema', () => {
  it('seeds with the SMA of the first period values, then smooths with alpha 2 / (period + 1)', () => {
    const ema = new Ema(3);
    // Seed (1 + 2 + 3) / 3 = 2; alpha = 0.5: 2 / 2 + 4 / 2 = 3, then 3 / 2 + 9 / 2 = 6.
    expect([1, 2, 3, 4, 9].map((value) => updated(ema, value))).toEqual([NaN, NaN, 2, 3, 6]);
    expect(ema.warmup).toBe(3);
  });

  it.each(['GOOG', 'EURUSD'] as const)(
    'agrees with an SMA-seeded trading-signals EMA on every %s close, from the same first bar',
    (name) => {
      const { close } = loadFixtureSeries(name);
      for (const period of [1, 12, 26]) {
        const ema = new Ema(period);
        const agreement = measureAgreement(
          Array.from(close, (value) => updated(ema, value)),
          smaSeededEmaReference(close, period),
        );
        expect(agreement.firstReady).toBe(period - 1);
        expect(agreement.referenceFirstReady).toBe(period - 1);
        expect(agreement.readinessMismatches).toBe(0);
        expect(agreement.maxRelativeError).toBeLessThan(RELATIVE_TOLERANCE);
      }
    },
  );

  it.each(['GOOG', 'EURUSD'] as const)(
    "converges to trading-signals' first-value-seeded EMA on %s once the seeds have decayed",
    (name) => {
      const { close } = loadFixtureSeries(name);
      const period = 20;
      const ours = new Ema(period);
      const theirs = new EMA(period);
      const oursValues = Array.from(close, (value) => updated(ours, value));
      const theirValues = Array.from(close, (value) => {
        theirs.update(value, false);
        return theirs.isStable ? theirs.getResultOrThrow() : null;
      });
      // Same warm-up; the seeds differ, so the early values do too.
      const agreement = measureAgreement(oursValues, theirValues);
      expect([agreement.firstReady, agreement.referenceFirstReady]).toEqual([period - 1, period - 1]);
      expect(agreement.maxRelativeError).toBeGreaterThan(1e-6);
      // (1 - 2/21)^300 ≈ 1e-13: after 300 bars the seed no longer shows.
      const settled = measureAgreement(oursValues.slice(300), theirValues.slice(300));
      expect(settled.maxRelativeError).toBeLessThan(1e-9);
    },
  );
});
