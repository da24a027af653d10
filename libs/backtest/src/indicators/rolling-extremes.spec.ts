import { DonchianChannels } from 'trading-signals';

import { loadFixtureSeries } from '../testing/market-data-fixture.js';
import { measureAgreement } from '../testing/series-agreement.js';
import { RollingHigh } from './rolling-high.js';
import { RollingLow } from './rolling-low.js';
import { updated } from '../testing/updated.js';

function bruteForce(
  values: readonly number[],
  period: number,
  pick: (...values: number[]) => number,
): number[] {
  return values.map((_, index) =>
    index < period - 1 ? NaN : pick(...values.slice(index - period + 1, index + 1)),
  );
}

describe('RollingHigh and RollingLow', () => {
  it('drop the maximum once it leaves the window', () => {
    const high = new RollingHigh(3);
    expect([5, 1, 2, 3, 0, 0, 0].map((value) => updated(high, value))).toEqual([NaN, NaN, 5, 3, 3, 3, 0]);
    expect(high.warmup).toBe(3);
  });

  it('drop the minimum once it leaves the window', () => {
    const low = new RollingLow(3);
    expect([1, 5, 4, 3, 9, 9, 9].map((value) => updated(low, value))).toEqual([NaN, NaN, 1, 3, 3, 3, 9]);
  });

  it('match a brute-force scan on values full of ties, for every period up to the length', () => {
    const values = Array.from({ length: 200 }, (_, index) => (index * 37) % 11);
    for (let period = 1; period <= 40; period++) {
      const high = new RollingHigh(period);
      const low = new RollingLow(period);
      expect(values.map((value) => updated(high, value))).toEqual(bruteForce(values, period, Math.max));
      expect(values.map((value) => updated(low, value))).toEqual(bruteForce(values, period, Math.min));
    }
  });

  it.each(['GOOG', 'EURUSD'] as const)(
    "equal trading-signals DonchianChannels' bands over the %s highs and lows",
    (name) => {
      const series = loadFixtureSeries(name);
      const period = 20;
      const high = new RollingHigh(period);
      const low = new RollingLow(period);
      const channels = new DonchianChannels(period);
      const ours = { upper: [] as number[], lower: [] as number[] };
      const reference = { upper: [] as (number | null)[], lower: [] as (number | null)[] };
      for (let index = 0; index < series.length; index++) {
        ours.upper.push(updated(high, series.high[index]!));
        ours.lower.push(updated(low, series.low[index]!));
        const bands = channels.update({ high: series.high[index]!, low: series.low[index]! }, false);
        reference.upper.push(bands?.upper ?? null);
        reference.lower.push(bands?.lower ?? null);
      }
      for (const line of ['upper', 'lower'] as const) {
        const agreement = measureAgreement(ours[line], reference[line]);
        expect([agreement.firstReady, agreement.referenceFirstReady]).toEqual([period - 1, period - 1]);
        expect(agreement.readinessMismatches).toBe(0);
        expect(agreement.maxRelativeError).toBe(0);
      }
    },
  );
});
