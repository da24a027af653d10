import { isZonedTime } from '../../common/validation/is-zoned-time.js';

/**
 * Epoch numbers below this are seconds, at or above it milliseconds: 10^11 seconds is the year 5138,
 * 10^11 milliseconds is March 1973, so no bar of interest is ambiguous.
 */
export const EPOCH_SECONDS_BELOW = 100_000_000_000;

/** The latest time the database and `Date` both hold, as `isZonedTime` bounds ISO times. */
const LATEST_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

const EPOCH = /^\d{1,16}$/;

export const BAR_TIME_FORMATS =
  'an ISO 8601 time with its zone (2024-01-02T09:30:00Z, 2024-01-02T10:30:00+01:00), a date (2024-01-02, ' +
  'UTC midnight) or whole epoch seconds (1704187800) or milliseconds (1704187800000)';

/**
 * A bar's open time in ms since the epoch, or null when `field` is none of `BAR_TIME_FORMATS`. A time
 * without a zone is refused rather than read in the server's zone.
 */
export function parseBarTime(field: string): number | null {
  if (EPOCH.test(field)) {
    const value = Number(field);
    const ms = value < EPOCH_SECONDS_BELOW ? value * 1000 : value;
    return ms <= LATEST_MS ? ms : null;
  }
  return isZonedTime(field) ? Date.parse(field) : null;
}
