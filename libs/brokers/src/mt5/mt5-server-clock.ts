import { zoneOffsetMs } from '../time/zone-offset.js';

/**
 * How a broker's MT5 server clock relates to UTC: the wall clock of an IANA zone, shifted by whole hours.
 * MT5 gives every time (bars, ticks, deals, orders) as that wall clock packed into an epoch, and MQL5
 * has no API for the server's daylight-saving rule, so the account's configuration names it. The common
 * "GMT+2 in winter, GMT+3 in summer, switching with US DST" (server midnight = 17:00 New York) is
 * New York shifted by 7 hours; a fixed GMT+2 is UTC shifted by 2.
 */
export interface Mt5ServerClockRule {
  readonly zone: string;
  readonly shiftHours: number;
}

export const NEW_YORK_CLOSE_RULE: Mt5ServerClockRule = { zone: 'America/New_York', shiftHours: 7 };

const HOUR_MS = 3_600_000;

/** The one place MT5's server times become UTC and back. */
export class Mt5ServerClock {
  private readonly shiftMs: number;

  constructor(private readonly rule: Mt5ServerClockRule) {
    if (zoneOffsetMs(rule.zone, 0) === undefined) throw new RangeError(`Unknown time zone "${rule.zone}"`);
    if (!Number.isInteger(rule.shiftHours) || Math.abs(rule.shiftHours) > 14)
      throw new RangeError(`The server clock's shift must be whole hours within ±14, not ${rule.shiftHours}`);
    this.shiftMs = rule.shiftHours * HOUR_MS;
  }

  /** A server wall-clock time in milliseconds (time_msc, or seconds × 1000) as UTC milliseconds. */
  toUtcMs(serverMs: number): number {
    const zoneWall = serverMs - this.shiftMs;
    // The zone's offset is known at a UTC instant, not a wall time: guess, then correct once.
    const guess = zoneWall - this.offset(zoneWall);
    return zoneWall - this.offset(guess);
  }

  /** A UTC instant as the server's wall clock in milliseconds: history ranges, expirations, rate bounds. */
  toServerMs(utcMs: number): number {
    return utcMs + this.offset(utcMs) + this.shiftMs;
  }

  /** How far the server runs ahead of UTC at `utcMs`, in seconds: what the EA's hello reports for now. */
  offsetSeconds(utcMs: number): number {
    return (this.toServerMs(utcMs) - utcMs) / 1000;
  }

  /**
   * Why the terminal's own offset (its hello's TimeTradeServer() - TimeGMT()) contradicts this rule at
   * `utcMs`, or undefined when they agree to within the half hour MQL5 rounds to.
   */
  disagreement(terminalOffsetSeconds: number, utcMs: number): string | undefined {
    const expected = this.offsetSeconds(utcMs);
    if (Math.abs(terminalOffsetSeconds - expected) < 1800) return undefined;
    return `the terminal runs ${terminalOffsetSeconds / 3600} h ahead of UTC, the configured rule says ${expected / 3600} h`;
  }

  private offset(ms: number): number {
    return zoneOffsetMs(this.rule.zone, ms) ?? 0;
  }
}
