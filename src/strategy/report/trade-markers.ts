import type { ClosedTrade } from '#backtest/engine/closed-trade.js';

import { indexAtOrBefore } from './chart-time.js';
import { formatSignedMoney } from './format-report-values.js';

/** A lightweight-charts bar marker (SeriesMarkerBar), as plain JSON for the page. */
export interface TradeMarker {
  readonly time: number;
  readonly position: 'aboveBar' | 'belowBar';
  readonly shape: 'arrowUp' | 'arrowDown';
  readonly color: string;
  readonly text: string;
}

const BUY_COLOR = '#16a34a';
const SELL_COLOR = '#dc2626';

/** A buy points up from below the bar, a sell down from above it: a long opens with a buy, a short with a sell. */
const BUY = { position: 'belowBar', shape: 'arrowUp', color: BUY_COLOR } as const;
const SELL = { position: 'aboveBar', shape: 'arrowDown', color: SELL_COLOR } as const;

/**
 * One entry marker per trade and one exit marker per closed trade, placed on the candle that holds the
 * fill (the candle's time may be earlier than the fill's when candles were aggregated, and a marker must
 * sit on a time the series has). A trade still open at the run's end was marked to the last close, not
 * exited, so it gets no exit marker. The exit's text is the trade's pnl after fees.
 */
export function buildTradeMarkers(
  trades: readonly ClosedTrade[],
  candleSeconds: readonly number[],
): TradeMarker[] {
  if (candleSeconds.length === 0) return [];
  const onCandle = (timeMs: number): number =>
    candleSeconds[indexAtOrBefore(candleSeconds, Math.floor(timeMs / 1000))]!;
  const markers: TradeMarker[] = [];
  for (const trade of trades) {
    const long = trade.direction === 'long';
    markers.push({ time: onCandle(trade.entryTime), ...(long ? BUY : SELL), text: long ? 'Long' : 'Short' });
    if (!trade.open) {
      markers.push({
        time: onCandle(trade.exitTime),
        ...(long ? SELL : BUY),
        text: formatSignedMoney(trade.pnl),
      });
    }
  }
  // The markers plugin expects them in time order; the sort is stable, so an exit stays after its entry.
  return markers.sort((a, b) => a.time - b.time);
}
