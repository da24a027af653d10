const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;
const TIMEFRAME_PATTERN = /^([1-9]\d{0,3})([mhdw])$/;

/** A bar length such as `1m`, `15m`, `4h` or `1d`. */
export type Timeframe = string;

/** Milliseconds in one bar of `timeframe`, or null when it is not of the form `<n><m|h|d|w>`. */
export function timeframeToMs(timeframe: Timeframe): number | null {
  const match = TIMEFRAME_PATTERN.exec(timeframe);
  if (!match) return null;
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}
