import { EventName } from '@stoqey/ib';
import { decodeWithStoqey, singleEvent, type DecoderVerdict } from './testing/stoqey-decoder-oracle.js';
import {
  encodeHistoricalData,
  encodeMarketDataType,
  encodeTickPrice,
  encodeTickReqParams,
  encodeTickSize,
  encodeTickSnapshotEnd,
} from './tws-market-messages.js';
import { TwsMarketDataType, TwsTickType } from './tws-tick-types.js';

function decodeClean(fields: readonly string[]): DecoderVerdict {
  const verdict = decodeWithStoqey(fields);
  expect(verdict.decodingErrors).toEqual([]);
  return verdict;
}

describe('market data messages read back by @stoqey/ib at server version 193', () => {
  it('carries every historical bar, then the client adds its end marker from the period', () => {
    const verdict = decodeClean(
      encodeHistoricalData({
        reqId: 11,
        start: '20260102 09:30:00 US/Eastern',
        end: '20260102 09:40:00 US/Eastern',
        bars: [
          {
            date: '20260102 09:30:00 US/Eastern',
            open: '187.1',
            high: '187.9',
            low: '186.8',
            close: '187.5',
            volume: '12345',
            wap: '187.33',
            count: 321,
          },
          {
            date: '20260102 09:35:00 US/Eastern',
            open: '187.5',
            high: '188',
            low: '187.2',
            close: '187.8',
            volume: '0.5',
            wap: '187.6',
            count: 1,
          },
        ],
      }),
    );

    expect(verdict.events.map((event) => event.name)).toEqual([
      EventName.historicalData,
      EventName.historicalData,
      EventName.historicalData,
    ]);
    // The client's order: reqId, date, open, high, low, close, volume, barCount, WAP, hasGaps.
    expect(verdict.events[0]!.args).toEqual([
      11,
      '20260102 09:30:00 US/Eastern',
      187.1,
      187.9,
      186.8,
      187.5,
      12345,
      321,
      187.33,
      undefined,
    ]);
    expect(verdict.events[1]!.args.slice(6, 9)).toEqual([0.5, 1, 187.6]);
    expect(verdict.events[2]!.args).toEqual([
      11,
      'finished-20260102 09:30:00 US/Eastern-20260102 09:40:00 US/Eastern',
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      false,
    ]);
  });

  it('answers an empty period with the end marker alone', () => {
    const verdict = decodeClean(
      encodeHistoricalData({ reqId: 12, start: '20260103', end: '20260104', bars: [] }),
    );
    expect(singleEvent(verdict, EventName.historicalData)[1]).toBe('finished-20260103-20260104');
  });

  it('carries a price tick, with the size tick the client derives for ASK', () => {
    const verdict = decodeClean(
      encodeTickPrice({
        reqId: 21,
        tickType: TwsTickType.ASK,
        price: '187.52',
        size: '300',
        canAutoExecute: true,
      }),
    );

    expect(verdict.events).toEqual([
      { name: EventName.tickPrice, args: [21, TwsTickType.ASK, 187.52, true] },
      { name: EventName.tickSize, args: [21, TwsTickType.ASK_SIZE, 300] },
    ]);
  });

  it('carries a price tick without size or attributes', () => {
    const verdict = decodeClean(encodeTickPrice({ reqId: 21, tickType: TwsTickType.CLOSE, price: '186.9' }));
    expect(singleEvent(verdict, EventName.tickPrice)).toEqual([21, TwsTickType.CLOSE, 186.9, false]);
  });

  it('reads any attribute bit as canAutoExecute, as @stoqey/ib reads the mask as one boolean', () => {
    const fields = encodeTickPrice({ reqId: 21, tickType: TwsTickType.HIGH, price: '188', pastLimit: true });
    expect(fields.at(-1)).toBe('2');
    expect(singleEvent(decodeClean(fields), EventName.tickPrice)[3]).toBe(true);
  });

  it('carries a size tick', () => {
    const verdict = decodeClean(encodeTickSize(21, TwsTickType.VOLUME, '1234567'));
    expect(singleEvent(verdict, EventName.tickSize)).toEqual([21, TwsTickType.VOLUME, 1234567]);
  });

  it('carries the market data type', () => {
    const verdict = decodeClean(encodeMarketDataType(21, TwsMarketDataType.DELAYED));
    expect(singleEvent(verdict, EventName.marketDataType)).toEqual([21, 3]);
  });

  it('carries tick request parameters, though the client truncates minTick to an int', () => {
    const verdict = decodeClean(
      encodeTickReqParams({ reqId: 21, minTick: '0.01', bboExchange: '9c0001', snapshotPermissions: 3 }),
    );
    expect(singleEvent(verdict, EventName.tickReqParams)).toEqual([21, 0, '9c0001', 3]);
  });

  it('ends a snapshot', () => {
    expect(singleEvent(decodeClean(encodeTickSnapshotEnd(21)), EventName.tickSnapshotEnd)).toEqual([21]);
  });
});
