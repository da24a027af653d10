import {
  formatDuration,
  formatMoney,
  formatPercent,
  formatSignedMoney,
  formatTimestamp,
  MISSING_VALUE,
} from './format-report-values.js';

describe('report value formatting', () => {
  it('writes fractions as percents and money with separators', () => {
    expect(formatPercent(0.123456)).toBe('12.35%');
    expect(formatPercent(-0.05)).toBe('-5.00%');
    expect(formatMoney(1234567.891)).toBe('1,234,567.89');
    expect(formatSignedMoney(830.25)).toBe('+830.25');
    expect(formatSignedMoney(0)).toBe('0.00');
  });

  it('shows a statistic the run leaves undefined as a dash, never null, NaN or Infinity', () => {
    for (const value of [null, undefined, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(formatPercent(value)).toBe(MISSING_VALUE);
      expect(formatMoney(value)).toBe(MISSING_VALUE);
    }
  });

  it('writes durations in their two largest units and instants in UTC', () => {
    expect(formatDuration((41 * 24 + 6) * 3_600_000)).toBe('41 d 6 h');
    expect(formatDuration(3 * 3_600_000 + 15 * 60_000)).toBe('3 h 15 min');
    expect(formatTimestamp(Date.UTC(2024, 2, 1, 14, 30))).toBe('2024-03-01 14:30');
  });
});
