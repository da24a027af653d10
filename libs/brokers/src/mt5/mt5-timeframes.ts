import type { Timeframe } from '../domain/index.js';

/**
 * ENUM_TIMEFRAMES as the MetaTrader5 Python package numbers it (TIMEFRAME_*): minutes as themselves,
 * hours 0x4000 | h, weeks 0x8000 | w, months 0xC000 | m. MT4's PERIOD_* count minutes (H1 = 60): never mixed.
 * Only the lengths MT5 has are listed; a month has no fixed length in the port's `<n><unit>` form.
 */
const MT5_TIMEFRAMES: Readonly<Record<string, number>> = {
  '1m': 1,
  '2m': 2,
  '3m': 3,
  '4m': 4,
  '5m': 5,
  '6m': 6,
  '10m': 10,
  '12m': 12,
  '15m': 15,
  '20m': 20,
  '30m': 30,
  '1h': 0x4001,
  '2h': 0x4002,
  '3h': 0x4003,
  '4h': 0x4004,
  '6h': 0x4006,
  '8h': 0x4008,
  '12h': 0x400c,
  '1d': 0x4018,
  '1w': 0x8001,
};

/** Every timeframe the MT5 adapter serves, as its capabilities list them. */
export const MT5_SUPPORTED_TIMEFRAMES: readonly Timeframe[] = Object.keys(MT5_TIMEFRAMES);

/** The TIMEFRAME_* value for a port timeframe, or undefined when MT5 has no such bar length. */
export function toMt5Timeframe(timeframe: Timeframe): number | undefined {
  return Object.hasOwn(MT5_TIMEFRAMES, timeframe) ? MT5_TIMEFRAMES[timeframe] : undefined;
}
