import type { Subscription } from 'rxjs';
import type { PaperAdapter } from '../../paper-engine.js';
import { readContract } from '../protocol/incoming/tws-place-order.js';
import {
  encodeMarketDataType,
  encodeTickReqParams,
  encodeTickSnapshotEnd,
  TwsMarketDataType,
  type TwsMarketDataTypeId,
} from '../protocol/outgoing/index.js';
import { TwsFieldReader, TwsRequestError } from '../protocol/tws-field-reader.js';
import type { TwsRequestHandler } from '../session/tws-request-handler.js';
import type { TwsSession } from '../session/tws-session.js';
import type { TwsInstrumentConfig } from '../tws-simulator-config.js';
import type { TwsInstrumentRegistry } from './tws-instrument-registry.js';
import { quoteStateOf, quoteTicks, type TwsQuoteState } from './tws-quote-ticks.js';

const REQ_MKT_DATA = 1;
const CANCEL_MKT_DATA = 2;
const REQ_MARKET_DATA_TYPE = 59;

/** What MARKET_DATA_TYPE announces: delayed when the client asked for delayed (3) or delayed-frozen (4). */
function announcedType(requested: number | undefined): TwsMarketDataTypeId {
  return requested === TwsMarketDataType.DELAYED || requested === TwsMarketDataType.DELAYED_FROZEN
    ? TwsMarketDataType.DELAYED
    : TwsMarketDataType.LIVE;
}

/** REQ_MKT_DATA [1, 11, reqId, contract, deltaNeutral(+3), genericTickList, snapshot, regulatorySnapshot, options]. */
interface TwsMarketDataRequest {
  readonly reqId: number;
  readonly instrument: TwsInstrumentConfig | undefined;
  readonly snapshot: boolean;
}

function readMarketDataRequest(
  fields: readonly string[],
  registry: TwsInstrumentRegistry,
): TwsMarketDataRequest {
  const reader = new TwsFieldReader(fields, 'REQ_MKT_DATA');
  reader.skip(2);
  const reqId = reader.int();
  const contract = readContract(reader);
  if (contract.secType === 'BAG')
    throw new TwsRequestError(321, 'Error validating request: the simulator has no combo (BAG) market data');
  if (reader.bool()) reader.skip(3); // delta-neutral conId, delta, price
  reader.skip(1); // genericTickList: the simulator streams the top of book only
  const snapshot = reader.bool();
  const regulatorySnapshot = reader.bool();
  reader.skip(1); // mktDataOptions
  return { reqId, instrument: registry.resolve(contract), snapshot: snapshot || regulatorySnapshot };
}

/**
 * reqMktData, cancelMktData and reqMarketDataType. A line gets TICK_REQ_PARAMS, MARKET_DATA_TYPE and the
 * current bid, ask and last, then every change the first account's engine quotes (every account's engine
 * quotes the same market). A snapshot gets the current values and TICK_SNAPSHOT_END at once (TWS takes
 * ~11 s). Lines are 'marketData' subscriptions of the session, so they end with it, and on 1101.
 */
export function marketDataHandlers(
  registry: TwsInstrumentRegistry,
  engine: PaperAdapter,
): [number, TwsRequestHandler][] {
  const requestedTypes = new WeakMap<TwsSession, number>();

  async function subscribe(session: TwsSession, request: TwsMarketDataRequest): Promise<void> {
    const { reqId, instrument } = request;
    if (session.subscriptions.has('marketData', reqId)) {
      session.error(reqId, 322, "Error processing request.-'bW' : cause - Duplicate ticker id");
      return;
    }
    if (!instrument) {
      session.error(reqId, 200, 'No security definition has been found for the request');
      return;
    }
    const type = announcedType(requestedTypes.get(session));
    const delayed = type === TwsMarketDataType.DELAYED;
    const symbol = instrument.localSymbol;
    const ticker = await engine.getTicker(symbol);
    if (!session.open) return;
    session.send(
      encodeTickReqParams({ reqId, minTick: instrument.minTick, bboExchange: '', snapshotPermissions: 3 }),
    );
    session.send(encodeMarketDataType(reqId, type));
    let shown: TwsQuoteState = quoteStateOf(ticker, instrument.minSize);
    for (const tick of quoteTicks(reqId, undefined, shown, delayed)) session.send(tick);
    if (request.snapshot) {
      session.send(encodeTickSnapshotEnd(reqId));
      return;
    }
    const feed: Subscription = engine.events.subscribe((event) => {
      if (event.type !== 'tick' || event.ticker.symbol !== symbol) return;
      const next = quoteStateOf(event.ticker, instrument.minSize);
      for (const tick of quoteTicks(reqId, shown, next, delayed)) session.send(tick);
      shown = next;
    });
    session.subscriptions.add('marketData', reqId, () => feed.unsubscribe());
  }

  return [
    [REQ_MKT_DATA, (fields, session) => subscribe(session, readMarketDataRequest(fields, registry))],
    [
      CANCEL_MKT_DATA,
      (fields, session) => {
        const reader = new TwsFieldReader(fields, 'CANCEL_MKT_DATA');
        reader.skip(2);
        const reqId = reader.int();
        if (!session.subscriptions.cancel('marketData', reqId))
          session.error(reqId, 300, `Can't find EId with tickerId:${reqId}`);
      },
    ],
    [
      REQ_MARKET_DATA_TYPE,
      (fields, session) => {
        const reader = new TwsFieldReader(fields, 'REQ_MARKET_DATA_TYPE');
        reader.skip(2);
        const type = reader.int();
        if (type < TwsMarketDataType.LIVE || type > TwsMarketDataType.DELAYED_FROZEN)
          throw new TwsRequestError(321, `Error validating request: market data type ${type} is not 1 to 4`);
        // Applies to the lines requested from now on; TWS announces the switch on each of them.
        requestedTypes.set(session, type);
      },
    ],
  ];
}
