import type { OHLCVKlineV5 } from 'bybit-api';
import type { Candle, Instrument, Ticker } from '../domain/index.js';
import type { BybitAdapterCategory } from './bybit-config.js';

/** The instrument fields both categories publish (spot's step is `basePrecision`, linear's `qtyStep`). */
export interface BybitInstrumentShape {
  readonly symbol: string;
  readonly quoteCoin: string;
  readonly status: string;
  readonly priceFilter: { readonly tickSize: string };
  readonly lotSizeFilter: {
    readonly qtyStep?: string;
    readonly basePrecision?: string;
    readonly minOrderQty: string;
  };
}

export function toInstrument(info: BybitInstrumentShape, category: BybitAdapterCategory): Instrument {
  const step = category === 'spot' ? info.lotSizeFilter.basePrecision : info.lotSizeFilter.qtyStep;
  return {
    symbol: info.symbol,
    assetClass: category === 'spot' ? 'crypto' : 'crypto-perpetual',
    quoteCurrency: info.quoteCoin,
    tickSize: info.priceFilter.tickSize,
    lotSize: step ?? info.lotSizeFilter.minOrderQty,
    minQuantity: info.lotSizeFilter.minOrderQty,
  };
}

/** Ticker fields both REST and the `tickers` topic carry; topic deltas carry only what changed. */
export interface BybitTickerShape {
  readonly symbol: string;
  readonly lastPrice?: string;
  readonly bid1Price?: string;
  readonly bid1Size?: string;
  readonly ask1Price?: string;
  readonly ask1Size?: string;
}

/** Null until the ticker has both sides of the book. */
export function toTicker(ticker: BybitTickerShape, atMs: number): Ticker | null {
  const { bid1Price: bid, ask1Price: ask } = ticker;
  if (!bid || !ask) return null;
  return {
    symbol: ticker.symbol,
    bid,
    ask,
    last: ticker.lastPrice || bid,
    bidSize: ticker.bid1Size || '0',
    askSize: ticker.ask1Size || '0',
    time: new Date(atMs).toISOString(),
  };
}

export function toCandle([start, open, high, low, close, volume]: OHLCVKlineV5): Candle {
  return { openTime: new Date(Number(start)).toISOString(), open, high, low, close, volume };
}
