import { zoneOffsetMs } from '../time/zone-wall-clock.js';
import type { Mt5ServerClockRule } from './mt5-simulator-config.js';

const HOUR_MS = 3_600_000;

/**
 * The broker's server clock, computed here on its own (the adapter's clock is what this simulator
 * checks, so it must not be borrowed). Every time MT5 reports is this wall clock packed as if it were UTC.
 */
export class Mt5ServerTime {
  constructor(private readonly rule: Mt5ServerClockRule) {}

  /** TimeTradeServer() - TimeGMT() at `utcMs`, in milliseconds. */
  offsetMs(utcMs: number): number {
    if (this.rule.kind === 'fixed') return this.rule.offsetSeconds * 1000;
    return (zoneOffsetMs('America/New_York', utcMs) ?? 0) + this.rule.plusHours * HOUR_MS;
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
