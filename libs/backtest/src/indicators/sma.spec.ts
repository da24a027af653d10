import { SMA } from 'trading-signals';

import { loadFixtureSeries } from '../testing/market-data-fixture.js';
import { measureAgreement } from '../testing/series-agreement.js';
import { Sma } from './sma.js';
import { updated } from '../testing/updated.js';

/** Relative tolerance against trading-signals, which sums each window afresh; measured ~1e-15. */
const RELATIVE_TOLERANCE = 1e-12;

describe('Sma', () => {
  it('averages the last five values once five are in', () => {
    const sma = new Sma(5);
    expect([1, 2, 3, 4, 5, 6, 13].map((value) => updated(sma, value))).toEqual([
      NaN,
      NaN,
      NaN,
      NaN,
      3,
      4,
      (3 + 4 + 5 + 6 + 13) / 5,
    ]);
    expect(sma.isReady).toBe(true);
    expect(sma.warmup).toBe(5);
  });

  it.each(['GOOG', 'EURUSD'] as const)('agrees with trading-signals SMA on every %s close', (name) => {
    const { close } = loadFixtureSeries(name);
    for (const period of [1, 10, 30]) {
      const ours = new Sma(period);
      const theirs = new SMA(period);
      const agreement = measureAgreement(
        Array.from(close, (value) => updated(ours, value)),
        Array.from(close, (value) => theirs.update(value, false)),
      );
      expect(agreement.firstReady).toBe(period - 1);
      expect(agreement.referenceFirstReady).toBe(period - 1);
      expect(agreement.readinessMismatches).toBe(0);
      expect(agreement.compared).toBe(close.length - period + 1);
      expect(agreement.maxRelativeError).toBeLessThan(RELATIVE_TOLERANCE);
    }
  });

  it('does not drift over 2,000,000 values, spikes of 1e9 included', () => {
    const period = 20;
    const sma = new Sma(period);
    const values = new Float64Array(2_000_000);
    // A deterministic walk near 1 with rare 1e9 spikes: a plain running sum ends 2.4e-8 off (measured).
    let state = 12345;
    for (let index = 0; index < values.length; index++) {
      state = (state * 1103515245 + 12345) % 2147483648;
      values[index] = index % 50_000 === 7 ? 1e9 : 1 + state / 2147483648;
    }
    let worst = 0;
    for (let index = 0; index < values.length; index++) {
      const average = updated(sma, values[index]!);
      if (index % 10_000 === 9_999 || index === values.length - 1) {
        let fresh = 0;
        for (let back = index - period + 1; back <= index; back++) fresh += values[back]!;
        worst = Math.max(worst, Math.abs(average - fresh / period) / (fresh / period));
      }
    }
    expect(worst).toBeLessThan(1e-9);
  });

  it('rejects a period that is not a positive integer and an input that is not finite', () => {
    expect(() => new Sma(0)).toThrow(RangeError);
    expect(() => new Sma(2.5)).toThrow(RangeError);
    expect(() => new Sma(3).update(Number.NaN)).toThrow(RangeError);
  });
});
