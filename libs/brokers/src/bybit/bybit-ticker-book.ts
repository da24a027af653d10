import type { Ticker } from '../domain/index.js';
import { toTicker, type BybitTickerShape } from './bybit-market.mapper.js';

/**
 * The latest ticker per symbol from the `tickers` topic: a snapshot replaces, a delta (linear) carries
 * only the fields that changed and is merged into what is known.
 */
export class BybitTickerBook {
  private readonly known = new Map<string, BybitTickerShape>();

  apply(type: string | undefined, data: BybitTickerShape, atMs: number): Ticker | null {
    const merged = type === 'delta' ? { ...(this.known.get(data.symbol) ?? {}), ...data } : data;
    this.known.set(data.symbol, merged);
    return toTicker(merged, atMs);
  }
}
