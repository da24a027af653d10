import type { EquityPoint } from './equity-point.js';

const DAY_MS = 86_400_000;

export interface DailyEquity {
  /** The UTC day, `YYYY-MM-DD`. */
  readonly day: string;
  /** Equity at the start of the day: the previous day's close, or the day's first point. */
  readonly open: number;
  /** The day's last point. */
  readonly close: number;
}

/** One row per UTC day that has points, oldest first; `points` must be sorted by time. */
export function dailyEquity(points: readonly EquityPoint[]): DailyEquity[] {
  const days: DailyEquity[] = [];
  let current: { day: number; open: number; close: number } | undefined;
  for (const point of points) {
    const day = Math.floor(point.time / DAY_MS);
    if (current && current.day === day) {
      current.close = point.equity;
      continue;
    }
    if (current) days.push(toRow(current));
    current = { day, open: current ? current.close : point.equity, close: point.equity };
  }
  if (current) days.push(toRow(current));
  return days;
}

function toRow(day: { day: number; open: number; close: number }): DailyEquity {
  return { day: new Date(day.day * DAY_MS).toISOString().slice(0, 10), open: day.open, close: day.close };
}

/** Simple return of each day, close over open, skipping days that opened at zero or below. */
export function dailyReturns(days: readonly DailyEquity[]): number[] {
  return days.filter((day) => day.open > 0).map((day) => day.close / day.open - 1);
}
