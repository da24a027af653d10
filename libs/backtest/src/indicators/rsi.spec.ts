import { RSI } from 'trading-signals';

import { loadFixtureSeries } from '../testing/market-data-fixture.js';
import { measureAgreement } from '../testing/series-agreement.js';
import { Rsi } from './rsi.js';
import { updated } from '../testing/updated.js';

/** Relative tolerance against trading-signals' RSI (Wilder's WSMA, same seed); measured ~1e-14. */
const RELATIVE_TOLERANCE = 1e-12;

describe('Rsi', () => {
  it('is 100 when the window holds no losses', () => {
    const rsi = new Rsi(3);
    expect([1, 2, 3, 4, 5].map((value) => updated(rsi, value))).toEqual([NaN, NaN, NaN, 100, 100]);
    expect(rsi.warmup).toBe(4);
  });

  it('is 100 for a flat series, whose changes are neither gains nor losses', () => {
    const rsi = new Rsi(2);
    expect([5, 5, 5].map((value) => updated(rsi, value))).toEqual([NaN, NaN, 100]);
  });

  it("averages the first gains and losses plainly, then smooths them with Wilder's 1 / period", () => {
    const rsi = new Rsi(3);
    // Changes +1, -1, +1: gain 2/3, loss 1/3, RS 2, RSI 200/3. Then -2: gain 4/9, loss 8/9, RS 1/2, RSI 100/3.
    const values = [1, 2, 1, 2, 0].map((value) => updated(rsi, value));
    expect(values.slice(0, 3)).toEqual([NaN, NaN, NaN]);
    expect(values[3]).toBeCloseTo(200 / 3, 12);
    expect(values[4]).toBeCloseTo(100 / 3, 12);
  });

  it.each(['GOOG', 'EURUSD'] as const)('agrees with trading-signals RSI on every %s close', (name) => {
    const { close } = loadFixtureSeries(name);
    for (const period of [2, 14]) {
      const ours = new Rsi(period);
      const theirs = new RSI(period);
      const agreement = measureAgreement(
        Array.from(close, (value) => updated(ours, value)),
        Array.from(close, (value) => theirs.update(value, false)),
      );
      expect(agreement.firstReady).toBe(period);
      expect(agreement.referenceFirstReady).toBe(period);
      expect(agreement.readinessMismatches).toBe(0);
      expect(agreement.maxRelativeError).toBeLessThan(RELATIVE_TOLERANCE);
    }
  });
});
