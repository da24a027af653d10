import { formatIbUtc, parseIbTime } from './ibkr-time.js';

describe('IB times', () => {
  it('writes execution filter times as YYYYMMDD-HH:mm:ss in UTC', () => {
    expect(formatIbUtc(new Date('2026-01-02T03:04:05.678Z'))).toBe('20260102-03:04:05');
  });

  it.each([
    ['20260102 14:30:00 UTC', '2026-01-02T14:30:00.000Z'],
    ['20260102  14:30:00', '2026-01-02T14:30:00.000Z'],
    ['20260102-14:30:00', '2026-01-02T14:30:00.000Z'],
    ['20260102 09:30:00 US/Eastern', '2026-01-02T14:30:00.000Z'],
    ['20260702 09:30:00 America/New_York', '2026-07-02T13:30:00.000Z'],
    ['1767364200', '2026-01-02T14:30:00.000Z'],
    ['20260102', '2026-01-02T00:00:00.000Z'],
  ])('reads %s as %s', (text, iso) => {
    expect(new Date(parseIbTime(text) ?? Number.NaN).toISOString()).toBe(iso);
  });

  it('says undefined for what is not a time', () => {
    expect(parseIbTime('finished-20260102-20260103')).toBeUndefined();
    expect(parseIbTime('20260102 14:30:00 Nowhere/Land')).toBeUndefined();
  });
});
