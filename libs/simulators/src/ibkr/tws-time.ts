import { zoneOffsetMs } from '../time/zone-wall-clock.js';

const pad = (value: number): string => String(value).padStart(2, '0');

/** `YYYYMMDD HH:mm:ss` of `ms` in UTC, the date-time layout TWS writes everywhere. */
function utcStamp(ms: number): string {
  const date = new Date(ms);
  return (
    `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`
  );
}

/**
 * A time as TWS writes it in the handshake and in executions: local time of the TWS login's zone and
 * the zone's name. The simulator's zone is UTC, one a TWS user can choose.
 */
export function formatTwsTime(ms: number): string {
  return `${utcStamp(ms)} UTC`;
}

/**
 * A time a client sends (an execution filter, a history end): `YYYYMMDD-HH:mm:ss` is UTC, and
 * `YYYYMMDD HH:mm:ss` may name a zone (IANA or IB's `US/Eastern`); without one TWS reads it in its own
 * zone, here UTC. Undefined when it is not a time.
 */
export function parseTwsTime(text: string): number | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})(?:[- ](\d{2}):(\d{2}):(\d{2}))?(?:\s+(\S+))?$/.exec(text.trim());
  if (!match) return undefined;
  const [, y, mo, d, h = '00', mi = '00', s = '00', zone] = match;
  const asUtc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (Number.isNaN(asUtc)) return undefined;
  if (!zone || zone === 'UTC' || zone === 'GMT') return asUtc;
  const offset = zoneOffsetMs(zone, asUtc);
  return offset === undefined ? undefined : asUtc - offset;
}
