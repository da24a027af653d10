import type { Ticker } from '../../paper-engine.js';
import {
  encodeTickPrice,
  encodeTickSize,
  TwsTickType,
  type TwsTickTypeId,
} from '../protocol/outgoing/index.js';

/** The tick types of one side of the quote (or the last trade), live or delayed. */
interface TickPair {
  readonly price: TwsTickTypeId;
  readonly size: TwsTickTypeId;
}

const LIVE = {
  bid: { price: TwsTickType.BID, size: TwsTickType.BID_SIZE },
  ask: { price: TwsTickType.ASK, size: TwsTickType.ASK_SIZE },
  last: { price: TwsTickType.LAST, size: TwsTickType.LAST_SIZE },
} as const;

const DELAYED = {
  bid: { price: TwsTickType.DELAYED_BID, size: TwsTickType.DELAYED_BID_SIZE },
  ask: { price: TwsTickType.DELAYED_ASK, size: TwsTickType.DELAYED_ASK_SIZE },
  last: { price: TwsTickType.DELAYED_LAST, size: TwsTickType.DELAYED_LAST_SIZE },
} as const;

/** What one market data line last told the client: a price and its size per side. */
export interface TwsQuoteState {
  readonly bid: string;
  readonly bidSize: string;
  readonly ask: string;
  readonly askSize: string;
  readonly last: string;
  readonly lastSize: string;
}

/**
 * The quote a line shows. The paper feed prints no trades of its own, so LAST is the feed's price and
 * LAST_SIZE the contract's smallest size.
 */
export function quoteStateOf(ticker: Ticker, lastSize: string): TwsQuoteState {
  return {
    bid: ticker.bid,
    bidSize: ticker.bidSize,
    ask: ticker.ask,
    askSize: ticker.askSize,
    last: ticker.last,
    lastSize,
  };
}

/**
 * The TICK_PRICE / TICK_SIZE messages that move a line from `before` (nothing sent yet: undefined) to
 * `after`. A new price goes as TICK_PRICE with its size and then TICK_SIZE, as TWS sends them (@stoqey/ib
 * never reports BID_SIZE from a TICK_PRICE, so the TICK_SIZE is what carries it); a size alone as TICK_SIZE.
 */
export function quoteTicks(
  reqId: number,
  before: TwsQuoteState | undefined,
  after: TwsQuoteState,
  delayed: boolean,
): (readonly string[])[] {
  const types = delayed ? DELAYED : LIVE;
  return [
    ...sideTicks(reqId, types.bid, before?.bid, before?.bidSize, after.bid, after.bidSize),
    ...sideTicks(reqId, types.ask, before?.ask, before?.askSize, after.ask, after.askSize),
    ...sideTicks(reqId, types.last, before?.last, before?.lastSize, after.last, after.lastSize),
  ];
}

function sideTicks(
  reqId: number,
  pair: TickPair,
  price: string | undefined,
  size: string | undefined,
  newPrice: string,
  newSize: string,
): (readonly string[])[] {
  if (price !== newPrice)
    return [
      encodeTickPrice({
        reqId,
        tickType: pair.price,
        price: newPrice,
        size: newSize,
        // TWS marks quotes (not trades) as executable against.
        canAutoExecute: pair.price !== TwsTickType.LAST && pair.price !== TwsTickType.DELAYED_LAST,
      }),
      encodeTickSize(reqId, pair.size, newSize),
    ];
  if (size !== newSize) return [encodeTickSize(reqId, pair.size, newSize)];
  return [];
}
