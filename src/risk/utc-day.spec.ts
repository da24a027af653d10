import { nextUtcMidnight, utcDay } from './utc-day.js';

describe('utcDay and nextUtcMidnight', () => {
  it.each([
    ['2026-01-02T00:00:00.000Z', '2026-01-02', '2026-01-03T00:00:00.000Z'],
    ['2026-01-02T23:59:59.999Z', '2026-01-02', '2026-01-03T00:00:00.000Z'],
    ['2024-02-28T12:00:00.000Z', '2024-02-28', '2024-02-29T00:00:00.000Z'],
  ])('%s is in %s; the next midnight is %s', (at, day, midnight) => {
    expect(utcDay(Date.parse(at))).toBe(day);
    expect(new Date(nextUtcMidnight(Date.parse(at))).toISOString()).toBe(midnight);
  });
});
