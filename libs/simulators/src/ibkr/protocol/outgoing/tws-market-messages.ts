import { TwsOutgoingId } from './tws-message-ids.js';
import type { TwsMarketDataTypeId, TwsTickTypeId } from './tws-tick-types.js';

/** One bar of reqHistoricalData. Prices and decimals are strings as TWS sends them. */
export interface TwsBar {
  /** formatDate 1: "20231019 16:11:48 America/New_York" (day bars "20231019"); formatDate 2: epoch seconds. */
  date: string;
  open: string;
  high: string;
  low: string;
  close: string;
  volume: string;
  wap: string;
  /** Trades in the bar. */
  count: number;
}

export interface TwsHistoricalData {
  reqId: number;
  /** The period's bounds, in the bars' date format; the client reports them as "finished-<start>-<end>". */
  start: string;
  end: string;
  bars: readonly TwsBar[];
}

export interface TwsTickPrice {
  reqId: number;
  tickType: TwsTickTypeId;
  price: string;
  /** For BID/ASK/LAST (and delayed): the size at that price; "" when left out. */
  size?: string;
  canAutoExecute?: boolean;
  pastLimit?: boolean;
  preOpen?: boolean;
}

export interface TwsTickReqParams {
  reqId: number;
  minTick: string;
  bboExchange: string;
  snapshotPermissions: number;
}

/**
 * HISTORICAL_DATA at server version 193: no version field and no hasGaps since SYNT_REALTIME_BARS 124. All bars
 * of one request go in one message; there is no HISTORICAL_DATA_END below server version 196.
 */
export function encodeHistoricalData(data: TwsHistoricalData): readonly string[] {
  return [
    TwsOutgoingId.HISTORICAL_DATA,
    String(data.reqId),
    data.start,
    data.end,
    String(data.bars.length),
    ...data.bars.flatMap((bar) => [
      bar.date,
      bar.open,
      bar.high,
      bar.low,
      bar.close,
      bar.volume,
      bar.wap,
      String(bar.count),
    ]),
  ];
}

/**
 * TICK_PRICE, version 6: the last field is the attribute mask (bit 0 canAutoExecute, 1 pastLimit, 2 preOpen).
 * @stoqey/ib reads the mask as one boolean (`canAutoExecute = mask != 0`).
 */
export function encodeTickPrice(tick: TwsTickPrice): readonly string[] {
  const mask =
    (tick.canAutoExecute === true ? 1 : 0) |
    (tick.pastLimit === true ? 2 : 0) |
    (tick.preOpen === true ? 4 : 0);
  return [
    TwsOutgoingId.TICK_PRICE,
    '6',
    String(tick.reqId),
    String(tick.tickType),
    tick.price,
    tick.size ?? '',
    String(mask),
  ];
}

export function encodeTickSize(reqId: number, tickType: TwsTickTypeId, size: string): readonly string[] {
  return [TwsOutgoingId.TICK_SIZE, '6', String(reqId), String(tickType), size];
}

/** Sent before a subscription's first tick, and again whenever the data switches between live and frozen. */
export function encodeMarketDataType(reqId: number, type: TwsMarketDataTypeId): readonly string[] {
  return [TwsOutgoingId.MARKET_DATA_TYPE, '1', String(reqId), String(type)];
}

/**
 * TICK_REQ_PARAMS: no version field. minTick goes out as TWS writes it ("0.01"), although @stoqey/ib reads it
 * with readInt and so reports 0 for any tick below 1.
 */
export function encodeTickReqParams(params: TwsTickReqParams): readonly string[] {
  return [
    TwsOutgoingId.TICK_REQ_PARAMS,
    String(params.reqId),
    params.minTick,
    params.bboExchange,
    String(params.snapshotPermissions),
  ];
}

/** Ends a snapshot request (reqMktData with snapshot or regulatorySnapshot). */
export function encodeTickSnapshotEnd(reqId: number): readonly string[] {
  return [TwsOutgoingId.TICK_SNAPSHOT_END, '1', String(reqId)];
}
