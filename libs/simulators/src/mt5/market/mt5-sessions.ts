import type { Mt5Session } from '../mt5-simulator-config.js';

const DAY = 86_400;

/**
 * Whether a weekly schedule (SymbolInfoSessionTrade's windows, server time) has the market open at a
 * server wall-clock second. A window may run past 24:00 into the next day, so the previous day's windows
 * are checked too, without `% 86400`.
 */
export function sessionOpen(sessions: readonly Mt5Session[], serverSeconds: number): boolean {
  const dayStart = Math.floor(serverSeconds / DAY) * DAY;
  const weekday = new Date(dayStart * 1000).getUTCDay();
  const second = serverSeconds - dayStart;
  const yesterday = (weekday + 6) % 7;
  return sessions.some(
    (s) =>
      (s.day === weekday && s.fromSeconds <= second && second < s.toSeconds) ||
      (s.day === yesterday && s.fromSeconds <= second + DAY && second + DAY < s.toSeconds),
  );
}
