import { EMA, MACD } from 'trading-signals';

import { loadFixtureSeries } from '../testing/market-data-fixture.js';
import { measureAgreement } from '../testing/series-agreement.js';
import { smaSeededEmaReference } from '../testing/trading-signals-reference.js';
import { Macd } from './macd.js';
import { updated } from '../testing/updated.js';

/**
 * Relative to the close: the MACD line is a difference of two price-level averages and crosses zero, so its
 * rounding scales with the price, not with itself. Measured ~1e-16.
 */
const RELATIVE_TOLERANCE = 1e-12;

type Line = 'macd' | 'signal' | 'histogram';
const LINES: readonly Line[] = ['macd', 'signal', 'histogram'];

function macdLines(close: Float64Array, fast: number, slow: number, signal: number): Record<Line, number[]> {
  const macd = new Macd(fast, slow, signal);
  const lines: Record<Line, number[]> = { macd: [], signal: [], histogram: [] };
  for (const value of close) {
    macd.update(value);
    for (const line of LINES) lines[line].push(macd[line]);
  }
  return lines;
}

describe('Macd', () => {
  it('shows all three lines once the signal EMA of the MACD line is seeded', () => {
    const macd = new Macd(2, 3, 2);
    // Fast EMA(2): 1.5 at the 2nd value, then 2.5, 3.5. Slow EMA(3): 2 at the 3rd value, then 3.
    // MACD line: 2.5 - 2 = 0.5, then 3.5 - 3 = 0.5; the signal's seed is their mean, 0.5.
    expect([1, 2, 3].map((value) => updated(macd, value))).toEqual([NaN, NaN, NaN]);
    expect(macd.isReady).toBe(false);
    expect(updated(macd, 4)).toBe(0.5);
    expect([macd.macd, macd.signal, macd.histogram]).toEqual([0.5, 0.5, 0]);
    expect(macd.warmup).toBe(4);
  });

  it.each(['GOOG', 'EURUSD'] as const)(
    'agrees on every %s close with a MACD built from SMA-seeded trading-signals EMAs',
    (name) => {
      const { close } = loadFixtureSeries(name);
      const [fast, slow, signal] = [12, 26, 9];
      const fastLine = smaSeededEmaReference(close, fast);
      const slowLine = smaSeededEmaReference(close, slow);
      const macdLine = fastLine.map((value, index) => {
        const slowValue = slowLine[index];
        return value === null || slowValue === null || slowValue === undefined ? null : value - slowValue;
      });
      const signalLine = smaSeededEmaReference(macdLine, signal);
      const reference: Record<Line, (number | null)[]> = {
        // backtrader shows the lines together, once the signal exists.
        macd: macdLine.map((value, index) => (signalLine[index] === null ? null : value)),
        signal: signalLine,
        histogram: signalLine.map((value, index) => (value === null ? null : macdLine[index]! - value)),
      };
      const ours = macdLines(close, fast, slow, signal);
      for (const line of LINES) {
        const agreement = measureAgreement(ours[line], reference[line], close);
        expect(agreement.firstReady).toBe(slow + signal - 2);
        expect(agreement.referenceFirstReady).toBe(slow + signal - 2);
        expect(agreement.readinessMismatches).toBe(0);
        expect(agreement.maxRelativeError).toBeLessThan(RELATIVE_TOLERANCE);
      }
    },
  );

  it.each(['GOOG', 'EURUSD'] as const)(
    "converges on %s to trading-signals' MACD, whose EMAs start from their first input",
    (name) => {
      const { close } = loadFixtureSeries(name);
      const theirs = new MACD(new EMA(12), new EMA(26), new EMA(9));
      const reference: Record<Line, (number | null)[]> = { macd: [], signal: [], histogram: [] };
      for (const value of close) {
        const result = theirs.update(value, false);
        for (const line of LINES) reference[line].push(result ? result[line] : null);
      }
      const ours = macdLines(close, 12, 26, 9);
      // trading-signals reports from the slow EMA's bar, before its signal has settled.
      expect(measureAgreement(ours.macd, reference.macd).referenceFirstReady).toBe(25);
      // (25/27)^600 ≈ 1e-20 and 0.8^600 is smaller still: the seeds are gone.
      for (const line of LINES) {
        const settled = measureAgreement(ours[line].slice(600), reference[line].slice(600), close.slice(600));
        expect(settled.maxRelativeError).toBeLessThan(1e-9);
      }
    },
  );
});
