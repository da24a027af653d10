import type Big from 'big.js';
import { toDecimalString } from '../../decimal/index.js';
import type { Candle } from '../../domain/index.js';

/** One minute of prices for one symbol; mutable while its minute is current. */
export interface MinuteBar {
  readonly openMs: number;
  open: Big;
  high: Big;
  low: Big;
  close: Big;
  volume: Big;
}

export const MINUTE_MS = 60_000;

/** Start of the UTC minute holding `timeMs`. */
export function minuteOf(timeMs: number): number {
  return Math.floor(timeMs / MINUTE_MS) * MINUTE_MS;
}

export function toCandle(bar: MinuteBar): Candle {
  return {
    openTime: new Date(bar.openMs).toISOString(),
    open: toDecimalString(bar.open),
    high: toDecimalString(bar.high),
    low: toDecimalString(bar.low),
    close: toDecimalString(bar.close),
    volume: toDecimalString(bar.volume),
  };
}
