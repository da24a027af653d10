const MINUTE_MS = 60_000;
const SECOND_MS = 1000;
const DAY_MS = 86_400_000;

/** A bar size of reqHistoricalData as the paper engine's timeframe (`5m`, `1h`, `1d`, `1w`) and its length. */
export interface TwsBarSize {
  readonly timeframe: string;
  readonly ms: number;
  /** Day, week and month bars are dated `YYYYMMDD` whatever formatDate asks. */
  readonly daily: boolean;
}

const UNITS: Readonly<Record<string, { readonly unit: 'm' | 'h' | 'd' | 'w'; readonly ms: number }>> = {
  min: { unit: 'm', ms: MINUTE_MS },
  mins: { unit: 'm', ms: MINUTE_MS },
  hour: { unit: 'h', ms: 60 * MINUTE_MS },
  hours: { unit: 'h', ms: 60 * MINUTE_MS },
  day: { unit: 'd', ms: DAY_MS },
  days: { unit: 'd', ms: DAY_MS },
  week: { unit: 'w', ms: 7 * DAY_MS },
  weeks: { unit: 'w', ms: 7 * DAY_MS },
};

/**
 * IB's bar sizes the engine can build: its bars are made of one-minute bars, so `1 min` up to `1 week`
 * (IB's list: 1/2/3/5/10/15/20/30 mins, 1/2/3/4/8 hours, 1 day, 1 week). Seconds bars and `1 month`
 * (no fixed length) are not produced; undefined for those and anything IB does not spell.
 */
export function parseBarSize(text: string): TwsBarSize | undefined {
  const match = /^(\d+)\s+([a-z]+)$/i.exec(text.trim());
  if (!match) return undefined;
  const count = Number(match[1]);
  const unit = UNITS[match[2]!.toLowerCase()];
  if (!unit || count < 1) return undefined;
  return {
    timeframe: `${count}${unit.unit}`,
    ms: count * unit.ms,
    daily: unit.unit === 'd' || unit.unit === 'w',
  };
}

/**
 * The start of a durationStr `N S|D|W|M|Y` ending at `endMs`: seconds, days and weeks are fixed lengths,
 * months and years calendar ones (UTC). Undefined for anything else.
 */
export function durationStart(text: string, endMs: number): number | undefined {
  const match = /^(\d+)\s+([SDWMY])$/i.exec(text.trim());
  if (!match) return undefined;
  const count = Number(match[1]);
  if (count < 1) return undefined;
  const unit = match[2]!.toUpperCase();
  if (unit === 'S') return endMs - count * SECOND_MS;
  if (unit === 'D') return endMs - count * DAY_MS;
  if (unit === 'W') return endMs - count * 7 * DAY_MS;
  const date = new Date(endMs);
  if (unit === 'M') date.setUTCMonth(date.getUTCMonth() - count);
  else date.setUTCFullYear(date.getUTCFullYear() - count);
  return date.getTime();
}
