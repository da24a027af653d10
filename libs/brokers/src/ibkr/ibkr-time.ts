import { zoneOffsetMs } from '../time/zone-offset.js';

const pad = (value: number): string => String(value).padStart(2, '0');

/** `YYYYMMDD-HH:mm:ss`: the UTC form TWS reads in execution filters and history end times. */
export function formatIbUtc(date: Date): string {
  return (
    `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}-` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`
  );
}

const IB_TIME = /^(\d{4})(\d{2})(\d{2})(?:[-\s]+(\d{2}):(\d{2}):(\d{2}))?(?:\s+(\S+))?$/;

/**
 * A time as TWS writes it (executions: `20260102 14:30:00 US/Eastern`, older TWS with two spaces and no
 * zone; filters: `20260102-14:30:00` in UTC; history with formatDate 2: epoch seconds). A time without
 * a zone is read as UTC. Undefined when it is not a time.
 */
export function parseIbTime(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^\d{9,11}$/.test(trimmed)) return Number(trimmed) * 1000;
  const match = IB_TIME.exec(trimmed);
  if (!match) return undefined;
  const [, y, mo, d, h = '00', mi = '00', s = '00', zone] = match;
  const asUtc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (Number.isNaN(asUtc)) return undefined;
  if (!zone || zone === 'UTC' || zone === 'GMT') return asUtc;
  const offset = zoneOffsetMs(zone, asUtc);
  return offset === undefined ? undefined : asUtc - offset;
}
