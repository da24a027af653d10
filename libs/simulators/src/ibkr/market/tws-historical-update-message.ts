import type { TwsBar } from '../protocol/outgoing/index.js';

/** IB's IN_MSG_ID of HISTORICAL_DATA_UPDATE (not among the shared outgoing ids yet). */
const HISTORICAL_DATA_UPDATE = '90';

/**
 * HISTORICAL_DATA_UPDATE [90, reqId, barCount, date, open, close, high, low, WAP, volume]: the forming bar
 * of a keepUpToDate request. No version field, and on the wire close comes before high and low (IB's
 * decoder and @stoqey/ib's read it so), unlike HISTORICAL_DATA.
 */
export function encodeHistoricalDataUpdate(reqId: number, bar: TwsBar): readonly string[] {
  return [
    HISTORICAL_DATA_UPDATE,
    String(reqId),
    String(bar.count),
    bar.date,
    bar.open,
    bar.close,
    bar.high,
    bar.low,
    bar.wap,
    bar.volume,
  ];
}
