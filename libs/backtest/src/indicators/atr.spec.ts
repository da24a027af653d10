import { ATR, TR, WSMA } from 'trading-signals';

import type { BarSeries } from '../data/bar-series.js';
import { loadFixtureSeries } from '../testing/market-data-fixture.js';
import { measureAgreement } from '../testing/series-agreement.js';
import { Atr } from './atr.js';
import { updatedBar } from '../testing/updated.js';

/** Relative tolerance against trading-signals' TR and WSMA, fed the same true ranges; measured ~1e-15. */
const RELATIVE_TOLERANCE = 1e-12;

function candle(series: BarSeries, index: number) {
  return { high: series.high[index]!, low: series.low[index]!, close: series.close[index]! };
}

function atrValues(series: BarSeries, period: number): number[] {
  const atr = new Atr(period);
  return Array.from(series.close, (close, index) =>
    updatedBar(atr, series.high[index]!, series.low[index]!, close),
  );
}

describe('Atr', () => {
  it('takes true ranges against the previous close and starts from their plain mean', () => {
    const atr = new Atr(2);
    expect(updatedBar(atr, 10, 8, 9)).toBeNaN(); // no previous close: no true range
    expect(updatedBar(atr, 12, 11, 11.5)).toBeNaN(); // TR = 12 - 9 = 3 (a gap up)
    expect(updatedBar(atr, 11, 7, 8)).toBe(3.75); // TR = 11.5 - 7 = 4.5, beyond high - low; mean of 3 and 4.5
    expect(updatedBar(atr, 8.5, 8, 8.2)).toBe(2.125); // TR = 8.5 - 8 = 0.5; 3.75 / 2 + 0.5 / 2
    expect(atr.warmup).toBe(3);
  });

  it.each(['GOOG', 'EURUSD'] as const)(
    "agrees on every %s bar with trading-signals' WSMA of its true ranges from the second bar on",
    (name) => {
      const series = loadFixtureSeries(name);
      for (const period of [1, 14]) {
        const trueRange = new TR();
        const smoothing = new WSMA(period);
        const reference = Array.from(series.close, (_close, index) => {
          const range = trueRange.update(candle(series, index), false);
          // trading-signals' first true range is high - low, with no previous close: skip it as backtrader does.
          return index === 0 ? null : smoothing.update(range, false);
        });
        const agreement = measureAgreement(atrValues(series, period), reference);
        expect(agreement.firstReady).toBe(period);
        expect(agreement.referenceFirstReady).toBe(period);
        expect(agreement.readinessMismatches).toBe(0);
        expect(agreement.maxRelativeError).toBeLessThan(RELATIVE_TOLERANCE);
      }
    },
  );

  it.each(['GOOG', 'EURUSD'] as const)(
    "is one bar later than trading-signals' ATR on %s and converges to it as the first bar decays",
    (name) => {
      const series = loadFixtureSeries(name);
      const period = 14;
      const theirs = new ATR(period);
      const reference = Array.from(series.close, (_close, index) =>
        theirs.update(candle(series, index), false),
      );
      const ours = atrValues(series, period);
      const agreement = measureAgreement(ours, reference);
      expect([agreement.firstReady, agreement.referenceFirstReady]).toEqual([period, period - 1]);
      // (13/14)^600 ≈ 5e-20: the first bar's high - low has long faded.
      expect(measureAgreement(ours.slice(600), reference.slice(600)).maxRelativeError).toBeLessThan(1e-9);
    },
  );
});
