import type Big from 'big.js';
import type { BybitInstrument } from './bybit-instrument.js';
import type { BybitMarket } from './bybit-market.js';
import { dec } from '../../paper-engine.js';

const HOUR_MS = 3_600_000;

/** The rolling figures of a ticker, from the feed's own candles. */
export interface BybitTickerStats {
  readonly prevPrice24h: Big;
  readonly prevPrice1h: Big;
  readonly highPrice24h: Big;
  readonly lowPrice24h: Big;
  readonly volume24h: Big;
  /** Σ volume × close per hour: the feed has no trade-by-trade prices. */
  readonly turnover24h: Big;
}

/** The last 24 hours of `instrument`, ending at `nowMs`; a feed younger than that covers what it has. */
export async function tickerStats(
  market: BybitMarket,
  instrument: BybitInstrument,
  nowMs: number,
): Promise<BybitTickerStats> {
  const last = market.quote(instrument).last;
  const hours = await market.candles(instrument, '1h', nowMs - 24 * HOUR_MS, nowMs);
  const minutes = await market.candles(instrument, '1m', nowMs - HOUR_MS, nowMs);
  let high = last;
  let low = last;
  let volume = dec(0);
  let turnover = dec(0);
  for (const candle of hours) {
    const close = dec(candle.close);
    if (dec(candle.high).gt(high)) high = dec(candle.high);
    if (dec(candle.low).lt(low)) low = dec(candle.low);
    volume = volume.plus(candle.volume);
    turnover = turnover.plus(dec(candle.volume).times(close));
  }
  return {
    prevPrice24h: hours[0] ? dec(hours[0].open) : last,
    prevPrice1h: minutes[0] ? dec(minutes[0].open) : last,
    highPrice24h: high,
    lowPrice24h: low,
    volume24h: volume,
    turnover24h: turnover,
  };
}

/** (last − prev) / prev at `places` decimals, as Bybit's `price24hPcnt` (a fraction, not percent). */
export function changeFraction(last: Big, prev: Big, places: number): Big {
  return prev.eq(0) ? dec(0) : last.minus(prev).div(prev).round(places);
}
