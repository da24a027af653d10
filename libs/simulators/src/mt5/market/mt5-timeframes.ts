/** A timeframe's bar boundaries, in server wall-clock seconds. */
export type Mt5Timeframe =
  | { readonly kind: 'fixed'; readonly seconds: number }
  | { readonly kind: 'week' }
  | { readonly kind: 'month' };

const MINUTES = [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30];
const HOURS = [1, 2, 3, 4, 6, 8, 12, 24];

/**
 * ENUM_TIMEFRAMES as the MetaTrader5 package numbers them: minutes as themselves, hours 0x4000 | h
 * (D1 is 0x4000 | 24), W1 0x8000 | 1, MN1 0xC000 | 1. Anything else is not a timeframe.
 */
export function mt5Timeframe(value: unknown): Mt5Timeframe | undefined {
  if (typeof value !== 'number' || !Number.isInteger(value)) return undefined;
  if (MINUTES.includes(value)) return { kind: 'fixed', seconds: value * 60 };
  if (value >= 0x4000 && value < 0x8000 && HOURS.includes(value - 0x4000))
    return { kind: 'fixed', seconds: (value - 0x4000) * 3_600 };
  if (value === 0x8001) return { kind: 'week' };
  if (value === 0xc001) return { kind: 'month' };
  return undefined;
}

/** The server-time second the bar holding `serverSeconds` opens at; W1 bars open on Sunday (CopyRates). */
export function barOpen(timeframe: Mt5Timeframe, serverSeconds: number): number {
  if (timeframe.kind === 'fixed') return Math.floor(serverSeconds / timeframe.seconds) * timeframe.seconds;
  const date = new Date(serverSeconds * 1000);
  if (timeframe.kind === 'month') return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / 1000;
  const dayStart = Math.floor(serverSeconds / 86_400) * 86_400;
  return dayStart - date.getUTCDay() * 86_400;
}
