import type { Mt5ServerClockRule } from './mt5-simulator-config.js';

const HOUR_MS = 3_600_000;

/** How far `zone`'s wall clock runs ahead of UTC at `utcMs` (Intl's zone data, DST included). */
function zoneOffsetMs(zone: string, utcMs: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(utcMs));
  const part = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return wall - Math.floor(utcMs / 1000) * 1000;
}

/**
 * The broker's server clock, computed here on its own (the adapter's clock is what this simulator
 * checks, so it must not be borrowed). Every time MT5 reports is this wall clock packed as if it were UTC.
 */
export class Mt5ServerTime {
  constructor(private readonly rule: Mt5ServerClockRule) {}

  /** TimeTradeServer() - TimeGMT() at `utcMs`, in milliseconds. */
  offsetMs(utcMs: number): number {
    if (this.rule.kind === 'fixed') return this.rule.offsetSeconds * 1000;
    return zoneOffsetMs('America/New_York', utcMs) + this.rule.plusHours * HOUR_MS;
  }

  /** A UTC instant as MT5 writes it: server wall clock milliseconds. */
  toServerMs(utcMs: number): number {
    return utcMs + this.offsetMs(utcMs);
  }

  toServerSeconds(utcMs: number): number {
    return Math.floor(this.toServerMs(utcMs) / 1000);
  }

  /** A server wall-clock time back to UTC (the offset of the hour before a switch is taken as is). */
  toUtcMs(serverMs: number): number {
    const guess = serverMs - this.offsetMs(serverMs);
    return serverMs - this.offsetMs(guess);
  }
}
