import { dec, toDecimalString } from '../decimal/index.js';
import type { Candle, Instrument, Ticker } from '../domain/index.js';
import type { Rate, SymbolInfo, Tick } from './bridge/bridge-commands.js';
import type { Mt5ServerClock } from './mt5-server-clock.js';
import { utcIso } from './mt5-order-views.js';

/** A bar on the server clock as the port's candle; tick volume, since Forex has no traded volume. */
export function toCandle(rate: Rate, clock: Mt5ServerClock): Candle {
  return {
    openTime: utcIso(clock, rate.time * 1000),
    open: toDecimalString(rate.open),
    high: toDecimalString(rate.high),
    low: toDecimalString(rate.low),
    close: toDecimalString(rate.close),
    volume: String(rate.real_volume > 0 ? rate.real_volume : rate.tick_volume),
  };
}

/** A quote as the port's ticker; Forex quotes have no last trade, so the bid stands in for it. */
export function toTicker(symbol: string, tick: Tick, clock: Mt5ServerClock): Ticker {
  const last = dec(tick.last || '0').gt(0) ? tick.last : tick.bid;
  return {
    symbol,
    bid: toDecimalString(tick.bid),
    ask: toDecimalString(tick.ask),
    last: toDecimalString(last),
    // MT5 quotes carry no size at the top of the book.
    bidSize: '0',
    askSize: '0',
    time: utcIso(clock, tick.time_msc),
  };
}

/** symbol_info as the port's trading rules; the Market Watch path's first folder names the asset class. */
export function toInstrument(info: SymbolInfo): Instrument {
  const folder = info.path.split(/[\\/]/)[0]?.toLowerCase() ?? '';
  return {
    symbol: info.name,
    assetClass: folder.startsWith('forex') ? 'forex' : folder || 'cfd',
    quoteCurrency: info.currency_profit,
    tickSize: toDecimalString(info.trade_tick_size),
    lotSize: toDecimalString(info.volume_step),
    minQuantity: toDecimalString(info.volume_min),
  };
}
