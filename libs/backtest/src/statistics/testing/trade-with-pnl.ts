import type { ClosedTrade } from '../../engine/closed-trade.js';

/** A one-unit long round trip that made `pnl` net of fees: the statistics read only pnl and open. */
export function tradeWithPnl(pnl: number, open = false): ClosedTrade {
  return {
    symbol: 'BTCUSDT',
    direction: 'long',
    quantity: 1,
    entryTime: 0,
    entryPrice: 100,
    exitTime: 1,
    exitPrice: 100 + pnl,
    grossPnl: pnl,
    fees: 0,
    pnl,
    returnFraction: pnl / 100,
    bars: 1,
    mae: Math.min(0, pnl),
    mfe: Math.max(0, pnl),
    open,
  };
}
