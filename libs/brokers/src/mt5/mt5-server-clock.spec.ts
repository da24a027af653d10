import { Mt5ServerClock, NEW_YORK_CLOSE_RULE } from './mt5-server-clock.js';

const at = (iso: string): number => Date.parse(iso);
/** A server wall-clock time written as if it were UTC, as MT5 packs it into an epoch. */
const server = (wall: string): number => Date.parse(`${wall}Z`);

describe('Mt5ServerClock', () => {
  const newYorkClose = new Mt5ServerClock(NEW_YORK_CLOSE_RULE);

  it.each([
    ['winter: GMT+2', '2026-01-15T12:00:00', '2026-01-15T10:00:00Z'],
    ['summer: GMT+3', '2026-07-15T12:00:00', '2026-07-15T09:00:00Z'],
    ['US already on DST, Europe not yet: GMT+3', '2026-03-20T12:00:00', '2026-03-20T09:00:00Z'],
    ['server midnight is 17:00 in New York', '2026-03-10T00:00:00', '2026-03-09T21:00:00Z'],
    ['the first hour after the spring switch', '2026-03-09T00:00:00', '2026-03-08T21:00:00Z'],
    ['the last bar before the spring switch', '2026-03-08T07:00:00', '2026-03-08T05:00:00Z'],
  ])('reads a server time on a GMT+2/+3 US-DST broker (%s)', (_case, wall, utc) => {
    expect(newYorkClose.toUtcMs(server(wall))).toBe(at(utc));
    expect(newYorkClose.toServerMs(at(utc))).toBe(server(wall));
  });

  it('reports the offset the EA would say in its hello', () => {
    expect(newYorkClose.offsetSeconds(at('2026-01-15T10:00:00Z'))).toBe(7200);
    expect(newYorkClose.offsetSeconds(at('2026-07-15T10:00:00Z'))).toBe(10800);
  });

  it('keeps milliseconds (time_msc) and handles a fixed offset', () => {
    const fixed = new Mt5ServerClock({ zone: 'UTC', shiftHours: 2 });
    expect(fixed.toUtcMs(server('2026-07-15T12:00:00.123'))).toBe(at('2026-07-15T10:00:00.123Z'));
    expect(
      new Mt5ServerClock({ zone: 'Europe/Athens', shiftHours: 0 }).offsetSeconds(at('2026-03-20T00:00:00Z')),
    ).toBe(7200);
  });

  it('refuses a zone Intl does not know and a shift that is not whole hours', () => {
    expect(() => new Mt5ServerClock({ zone: 'Mars/Olympus', shiftHours: 0 })).toThrow(/Unknown time zone/);
    expect(() => new Mt5ServerClock({ zone: 'UTC', shiftHours: 2.5 })).toThrow(/whole hours/);
  });

  it("says when a terminal's own offset contradicts the rule, and not when it agrees", () => {
    const clock = new Mt5ServerClock(NEW_YORK_CLOSE_RULE);
    const july = Date.UTC(2026, 6, 15, 10);
    expect(clock.disagreement(3 * 3600, july)).toBeUndefined();
    expect(clock.disagreement(2 * 3600, july)).toBe(
      'the terminal runs 2 h ahead of UTC, the configured rule says 3 h',
    );
  });
});
