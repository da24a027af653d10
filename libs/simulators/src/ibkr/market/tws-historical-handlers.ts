import type { PaperAdapter } from '../../paper-engine.js';
import { encodeHistoricalData } from '../protocol/outgoing/index.js';
import { TwsFieldReader } from '../protocol/tws-field-reader.js';
import type { TwsRequestHandler } from '../session/tws-request-handler.js';
import type { TwsSession } from '../session/tws-session.js';
import type { TwsHistoryPacingConfig, TwsInstrumentConfig } from '../tws-simulator-config.js';
import { parseTwsTime } from '../tws-time.js';
import { durationStart, parseBarSize } from './tws-bar-sizes.js';
import {
  formatBarDate,
  hmdsTickName,
  isWhatToShow,
  twsBarOf,
  type TwsBarShape,
} from './tws-historical-bars.js';
import { encodeHistoricalDataUpdate } from './tws-historical-update-message.js';
import { readHistoricalRequest, type TwsHistoricalRequest } from './tws-historical-request.js';
import { TwsHistoryPacing } from './tws-history-pacing.js';
import type { TwsInstrumentRegistry } from './tws-instrument-registry.js';

const REQ_HISTORICAL_DATA = 20;
const CANCEL_HISTORICAL_DATA = 25;

const HMDS = 'Historical Market Data Service error message:';

export interface TwsHistoricalDeps {
  readonly registry: TwsInstrumentRegistry;
  /** The first account's engine: every account's engine records the same market. */
  readonly engine: PaperAdapter;
  readonly pacing: TwsHistoryPacingConfig;
  readonly now: () => number;
}

/**
 * reqHistoricalData and cancelHistoricalData: the engine's candles between end − duration and end, oldest
 * first, in one HISTORICAL_DATA. Refusals as TWS words them: 200 for an unknown contract, 321 for a field
 * the simulator cannot serve, 162 for an empty range or a pacing violation. useRTH is accepted but changes
 * nothing: the paper market trades around the clock. With keepUpToDate (and no end time) the bars are
 * followed by a HISTORICAL_DATA_UPDATE of the forming bar at every price the engine quotes for the contract,
 * until cancelHistoricalData; a 'historicalUpdates' subscription of the session.
 */
export function historicalHandlers(deps: TwsHistoricalDeps): [number, TwsRequestHandler][] {
  const pacing = new TwsHistoryPacing(deps.pacing, deps.now);

  async function answer(session: TwsSession, request: TwsHistoricalRequest): Promise<void> {
    const { reqId } = request;
    if (session.subscriptions.has('historicalUpdates', reqId)) {
      session.error(reqId, 322, "Error processing request.-'bW' : cause - Duplicate ticker id");
      return;
    }
    const instrument = deps.registry.resolve(request.contract);
    if (!instrument) {
      session.error(reqId, 200, 'No security definition has been found for the request');
      return;
    }
    const invalid = (cause: string) =>
      session.error(reqId, 321, `Error validating request.-'bP' : cause - ${cause}`);
    const barSize = parseBarSize(request.barSizeSetting);
    if (!barSize) return invalid(`Historical data bar size setting is invalid: ${request.barSizeSetting}`);
    const endMs = request.endDateTime === '' ? deps.now() : parseTwsTime(request.endDateTime);
    if (endMs === undefined) return invalid(`End date not supported: ${request.endDateTime}`);
    if (request.keepUpToDate && request.endDateTime !== '')
      return invalid('End date not supported with live updates');
    const startMs = durationStart(request.durationStr, endMs);
    if (startMs === undefined)
      return invalid(`Historical data query duration is invalid: ${request.durationStr}`);
    if (!isWhatToShow(request.whatToShow)) return invalid(`Invalid what to show: ${request.whatToShow}`);
    if (request.formatDate !== 1 && request.formatDate !== 2)
      return invalid(`Invalid date format: ${request.formatDate}`);
    const series = `${instrument.conId}@${instrument.exchange}:${request.whatToShow}`;
    const identity = JSON.stringify({ ...request, reqId: 0 });
    if (!pacing.admit(identity, series)) {
      session.error(reqId, 162, `${HMDS}Historical data request pacing violation`);
      return;
    }
    // A bar counts when it opens within the period; the one that holds the period's start is the first.
    const firstOpen = Math.floor(startMs / barSize.ms) * barSize.ms;
    const candles = (
      await deps.engine.getCandles(
        instrument.localSymbol,
        barSize.timeframe,
        new Date(firstOpen),
        new Date(endMs),
      )
    ).filter((candle) => Date.parse(candle.openTime) < endMs);
    if (!session.open) return;
    const name = `${instrument.localSymbol}@${instrument.exchange} ${hmdsTickName(request.whatToShow)}`;
    if (candles.length === 0) {
      session.error(reqId, 162, `${HMDS}HMDS query returned no data: ${name}`);
      return;
    }
    const shape = {
      ...barSize,
      whatToShow: request.whatToShow,
      formatDate: request.formatDate,
      barMs: barSize.ms,
    };
    session.send(
      encodeHistoricalData({
        reqId,
        start: formatBarDate(startMs, request.formatDate, false),
        end: formatBarDate(endMs, request.formatDate, false),
        bars: candles.map((candle) => twsBarOf(candle, instrument, shape)),
      }),
    );
    if (request.keepUpToDate) keepUpToDate(session, reqId, instrument, shape);
  }

  /** Streams the forming bar: the candle holding the time of each new quote of the contract. */
  function keepUpToDate(
    session: TwsSession,
    reqId: number,
    instrument: TwsInstrumentConfig,
    shape: TwsBarShape,
  ): void {
    const symbol = instrument.localSymbol;
    const feed = deps.engine.events.subscribe((event) => {
      if (event.type !== 'tick' || event.ticker.symbol !== symbol) return;
      const at = deps.now();
      const open = Math.floor(at / shape.barMs) * shape.barMs;
      void deps.engine
        .getCandles(symbol, shape.timeframe, new Date(open), new Date(at))
        .then((candles) => {
          const forming = candles.at(-1);
          if (forming && session.subscriptions.has('historicalUpdates', reqId))
            session.send(encodeHistoricalDataUpdate(reqId, twsBarOf(forming, instrument, shape)));
        })
        .catch(() => undefined);
    });
    if (!session.subscriptions.add('historicalUpdates', reqId, () => feed.unsubscribe())) feed.unsubscribe();
  }

  return [
    [REQ_HISTORICAL_DATA, (fields, session) => answer(session, readHistoricalRequest(fields))],
    [
      CANCEL_HISTORICAL_DATA,
      (fields, session) => {
        // Every query is answered at once: only a keepUpToDate stream is left to stop.
        const reader = new TwsFieldReader(fields, 'CANCEL_HISTORICAL_DATA');
        reader.skip(2);
        const reqId = reader.int();
        if (!session.subscriptions.cancel('historicalUpdates', reqId))
          session.error(reqId, 366, `No historical data query found for ticker id:${reqId}`);
      },
    ],
  ];
}
