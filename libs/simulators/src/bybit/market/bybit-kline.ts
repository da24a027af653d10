import type Big from 'big.js';
import { type Candle, dec } from '../../paper-engine.js';
import type { BybitInstrument } from './bybit-instrument.js';
import type { BybitMarket } from './bybit-market.js';

/** Bybit's kline intervals (docs/v5/market/kline.mdx): minutes, then day, week, month. */
export const KLINE_INTERVALS = [
  '1',
  '3',
  '5',
  '15',
  '30',
  '60',
  '120',
  '240',
  '360',
  '720',
  'D',
  'W',
  'M',
] as const;
export type KlineInterval = (typeof KLINE_INTERVALS)[number];

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

export function isKlineInterval(value: string): value is KlineInterval {
  return (KLINE_INTERVALS as readonly string[]).includes(value);
}

/** One bar: start of the bar and start of the next (exclusive). */
export interface KlineBar {
  readonly startMs: number;
  readonly endMs: number;
  readonly open: Big;
  readonly high: Big;
  readonly low: Big;
  readonly close: Big;
  readonly volume: Big;
  /** volume × close: the feed keeps no trade prices inside a bar. */
  readonly turnover: Big;
}

/** The length of one bar, nominal for months (31 days), used to size a default range. */
export function nominalIntervalMs(interval: KlineInterval): number {
  if (interval === 'D') return DAY_MS;
  if (interval === 'W') return 7 * DAY_MS;
  if (interval === 'M') return 31 * DAY_MS;
  return Number(interval) * MINUTE_MS;
}

/** Start of the bar of `interval` holding `timeMs`: UTC-aligned; weeks start on Monday, months on the 1st. */
export function barStart(interval: KlineInterval, timeMs: number): number {
  if (interval === 'M') {
    const date = new Date(timeMs);
    return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
  }
  if (interval === 'W') {
    const day = Math.floor(timeMs / DAY_MS);
    // 1970-01-01 was a Thursday: day 0 is 3 days after a Monday.
    return (day - ((day + 3) % 7)) * DAY_MS;
  }
  const length = nominalIntervalMs(interval);
  return Math.floor(timeMs / length) * length;
}

function barEnd(interval: KlineInterval, startMs: number): number {
  if (interval !== 'M') return startMs + nominalIntervalMs(interval);
  const date = new Date(startMs);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
}

/**
 * Bars of `interval` opening within [fromMs, toMs], oldest first, from the feed's candles: minute and
 * day bars come aligned from the feed; weeks and months are built from its days.
 */
export async function klineBars(
  market: BybitMarket,
  instrument: BybitInstrument,
  interval: KlineInterval,
  fromMs: number,
  toMs: number,
): Promise<KlineBar[]> {
  if (toMs < fromMs) return [];
  if (interval !== 'W' && interval !== 'M') {
    const timeframe = interval === 'D' ? '1d' : `${interval}m`;
    const candles = await market.candles(instrument, timeframe, fromMs, toMs);
    return candles.map((candle) => toBar(candle, interval));
  }
  const days = await market.candles(instrument, '1d', barStart(interval, fromMs), toMs);
  const bars: KlineBar[] = [];
  for (const day of days) {
    const startMs = barStart(interval, Date.parse(day.openTime));
    const bar = toBar(day, 'D');
    const previous = bars.at(-1);
    if (previous && previous.startMs === startMs) bars[bars.length - 1] = merge(previous, bar);
    else bars.push({ ...bar, startMs, endMs: barEnd(interval, startMs) });
  }
  return bars.filter((bar) => bar.startMs >= fromMs && bar.startMs <= toMs);
}

function toBar(candle: Candle, interval: KlineInterval): KlineBar {
  const startMs = Date.parse(candle.openTime);
  const volume = dec(candle.volume);
  const close = dec(candle.close);
  return {
    startMs,
    endMs: barEnd(interval, startMs),
    open: dec(candle.open),
    high: dec(candle.high),
    low: dec(candle.low),
    close,
    volume,
    turnover: volume.times(close),
  };
}

function merge(first: KlineBar, next: KlineBar): KlineBar {
  return {
    ...first,
    high: next.high.gt(first.high) ? next.high : first.high,
    low: next.low.lt(first.low) ? next.low : first.low,
    close: next.close,
    volume: first.volume.plus(next.volume),
    turnover: first.turnover.plus(next.turnover),
  };
}
