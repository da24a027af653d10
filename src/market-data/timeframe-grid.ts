import { timeframeToMs, type Timeframe } from '#brokers';
import { ValidationFailedError } from '../common/errors/app-error.js';

const WEEK_MS = 604_800_000;
/** Weeks open on Mondays, as exchanges' weekly bars do; the epoch (1970-01-01) was a Thursday. */
const MONDAY_OFFSET_MS = 4 * 86_400_000;

/**
 * The bars of one timeframe: their length and the open times they may have. Minutes, hours and days open
 * at UTC multiples of their length since the epoch (a 4h bar at 00:00, 04:00, … UTC; a 1d bar at UTC
 * midnight), as the brokers' bars do; weeks open on Monday 00:00 UTC.
 */
export class TimeframeGrid {
  private readonly offsetMs: number;

  private constructor(
    readonly timeframe: Timeframe,
    readonly barMs: number,
  ) {
    this.offsetMs = timeframe.endsWith('w') && barMs % WEEK_MS === 0 ? MONDAY_OFFSET_MS : 0;
  }

  /** The grid of `timeframe`; a validation error naming it when it is not `<n>m|h|d|w`. */
  static of(timeframe: Timeframe): TimeframeGrid {
    const barMs = timeframeToMs(timeframe);
    if (barMs === null)
      throw new ValidationFailedError(
        `timeframe "${timeframe}" is not supported: use <n>m, <n>h, <n>d or <n>w, such as 1m, 15m, 1h, 4h, 1d`,
        { field: 'timeframe' },
      );
    return new TimeframeGrid(timeframe, barMs);
  }

  /** Whether a bar may open at `timeMs`. */
  isOpenTime(timeMs: number): boolean {
    return (timeMs - this.offsetMs) % this.barMs === 0;
  }

  /** The open time of the bar that `timeMs` falls in. */
  floor(timeMs: number): number {
    return timeMs - mod(timeMs - this.offsetMs, this.barMs);
  }

  /** The first open time at or after `timeMs`. */
  ceil(timeMs: number): number {
    const floor = this.floor(timeMs);
    return floor === timeMs ? floor : floor + this.barMs;
  }
}

/** Modulo that is never negative, for times before the grid's origin. */
function mod(value: number, divisor: number): number {
  return ((value % divisor) + divisor) % divisor;
}
