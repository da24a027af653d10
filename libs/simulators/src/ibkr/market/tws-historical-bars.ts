import type Big from 'big.js';
import { type Candle, dec, toDecimalString } from '../../paper-engine.js';
import type { TwsBar } from '../protocol/outgoing/index.js';
import type { TwsInstrumentConfig } from '../tws-simulator-config.js';
import { formatTwsTime } from '../tws-time.js';

/** whatToShow values the engine's candles answer; the candles are of the feed's (mid) price. */
export const TWS_WHAT_TO_SHOW = ['TRADES', 'AGGTRADES', 'MIDPOINT', 'BID', 'ASK'] as const;
export type TwsWhatToShow = (typeof TWS_WHAT_TO_SHOW)[number];

export function isWhatToShow(text: string): text is TwsWhatToShow {
  return (TWS_WHAT_TO_SHOW as readonly string[]).includes(text);
}

/** What IB calls the tick type in its HMDS messages ("… AAPL@SMART Trades"). */
export function hmdsTickName(whatToShow: TwsWhatToShow): string {
  const names: Readonly<Record<TwsWhatToShow, string>> = {
    TRADES: 'Trades',
    AGGTRADES: 'AggTrades',
    MIDPOINT: 'Midpoint',
    BID: 'Bid',
    ASK: 'Ask',
  };
  return names[whatToShow];
}

const pad = (value: number): string => String(value).padStart(2, '0');

/**
 * A bar's or a period's date as the client asked: formatDate 2 is epoch seconds, 1 the simulator's TWS
 * time ("YYYYMMDD HH:mm:ss UTC"); day and week bars are "YYYYMMDD" either way, as IB dates them.
 */
export function formatBarDate(ms: number, formatDate: number, daily: boolean): string {
  if (daily) {
    const date = new Date(ms);
    return `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}`;
  }
  return formatDate === 2 ? String(Math.floor(ms / 1000)) : formatTwsTime(ms);
}

export interface TwsBarShape {
  /** The engine's timeframe of the bars (`5m`). */
  readonly timeframe: string;
  readonly whatToShow: TwsWhatToShow;
  readonly formatDate: number;
  readonly daily: boolean;
  readonly barMs: number;
}

/**
 * One engine candle as IB's bar. MIDPOINT is the candle itself; BID and ASK sit half the contract's quoted
 * spread below and above it (as the feed quotes around its price). TRADES and AGGTRADES carry the candle's
 * volume, a WAP of (high + low + close) / 3 and one trade per minute of the bar; the quote kinds carry
 * volume, WAP and count -1, as IB sends them.
 */
export function twsBarOf(candle: Candle, instrument: TwsInstrumentConfig, shape: TwsBarShape): TwsBar {
  const shift = priceShift(instrument, shape.whatToShow);
  const price = (value: string): string => toDecimalString(dec(value).plus(shift));
  const date = formatBarDate(Date.parse(candle.openTime), shape.formatDate, shape.daily);
  const bar = {
    date,
    open: price(candle.open),
    high: price(candle.high),
    low: price(candle.low),
    close: price(candle.close),
  };
  if (shape.whatToShow !== 'TRADES' && shape.whatToShow !== 'AGGTRADES')
    return { ...bar, volume: '-1', wap: '-1', count: -1 };
  const wap = dec(candle.high).plus(candle.low).plus(candle.close).div(3).round(8, 1); // half up
  return {
    ...bar,
    volume: candle.volume,
    wap: toDecimalString(wap),
    count: Math.max(1, Math.round(shape.barMs / 60_000)),
  };
}

function priceShift(instrument: TwsInstrumentConfig, whatToShow: TwsWhatToShow): Big {
  if (whatToShow !== 'BID' && whatToShow !== 'ASK') return dec(0);
  const half = dec(instrument.minTick).times(Math.max(1, Math.floor(instrument.spreadTicks / 2)));
  return whatToShow === 'BID' ? half.neg() : half;
}
