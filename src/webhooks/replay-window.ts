/**
 * Whether an alert stamped `time` (ISO 8601) may still be traded at `now`: within `windowSeconds` of the
 * server's clock either way. A captured alert replayed later is refused, and so is one stamped in the
 * future beyond the window (a clock far off is worth hearing about rather than trading through).
 */
export function isWithinReplayWindow(time: string, now: Date, windowSeconds: number): boolean {
  const at = Date.parse(time);
  if (!Number.isFinite(at)) return false;
  return Math.abs(now.getTime() - at) <= windowSeconds * 1000;
}
