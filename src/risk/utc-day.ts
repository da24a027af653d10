const DAY_MS = 86_400_000;

/** The UTC calendar day of `ms` as `YYYY-MM-DD`: the daily loss limit's unit. */
export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Epoch milliseconds of the next UTC midnight after `ms`. */
export function nextUtcMidnight(ms: number): number {
  return (Math.floor(ms / DAY_MS) + 1) * DAY_MS;
}
