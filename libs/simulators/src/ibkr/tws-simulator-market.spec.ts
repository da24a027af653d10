import { BarSizeSetting, EventName, MarketDataType, SecType, WhatToShow } from '@stoqey/ib';
import type { Contract } from '@stoqey/ib';
import { startTwsClientKit, type TwsClientEvent, type TwsClientKit } from './testing/tws-client-kit.js';

const AAPL: Contract = { symbol: 'AAPL', secType: SecType.STK, exchange: 'SMART', currency: 'USD' };

const named = (name: EventName, id?: number) => (event: TwsClientEvent) =>
  event.name === name && (id === undefined || event.args[0] === id);
const errorOf = (id: number, code?: number) => (event: TwsClientEvent) =>
  event.name === EventName.error && event.args[2] === id && (code === undefined || event.args[1] === code);
/** The prices of one tick type a line reported, in order. */
const prices = (kit: TwsClientKit, reqId: number, tickType: number, from = 0): number[] =>
  kit.events
    .slice(from)
    .filter((event) => named(EventName.tickPrice, reqId)(event) && event.args[1] === tickType)
    .map((event) => event.args[2] as number);
const sizes = (kit: TwsClientKit, reqId: number, tickType: number): number[] =>
  kit.events
    .filter((event) => named(EventName.tickSize, reqId)(event) && event.args[1] === tickType)
    .map((event) => event.args[2] as number);
const ticksOf = (kit: TwsClientKit, reqId: number, from: number): TwsClientEvent[] =>
  kit.events
    .slice(from)
    .filter(
      (event) =>
        (event.name === EventName.tickPrice || event.name === EventName.tickSize) && event.args[0] === reqId,
    );

/** Market data through the unmodified @stoqey/ib client: quotes, snapshots, cancels and 1101. */
describe('TWS simulator: market data through the real client', () => {
  let kit: TwsClientKit;

  beforeEach(async () => {
    kit = await startTwsClientKit();
    await kit.simulator.setPrice('AAPL', '190');
  });

  afterEach(async () => {
    expect(kit.decodeErrors).toEqual([]);
    await kit.close();
  });

  it('streams a line: request params, live type, the quote with sizes, then every price move', async () => {
    kit.api.reqMktData(1001, AAPL, '', false, false);
    await kit.waitFor((event) => named(EventName.tickSize, 1001)(event) && event.args[1] === 5);
    const first = kit.events.filter(
      (event) =>
        event.args[0] === 1001 && event.name !== EventName.tickPrice && event.name !== EventName.tickSize,
    );
    expect(first.map((event) => event.name)).toEqual([EventName.tickReqParams, EventName.marketDataType]);
    expect(first[1]!.args).toEqual([1001, MarketDataType.REALTIME]);
    expect(prices(kit, 1001, 1)).toEqual([189.99]);
    expect(prices(kit, 1001, 2)).toEqual([190.01]);
    expect(prices(kit, 1001, 4)).toEqual([190]);
    // Only the TICK_SIZE carries BID_SIZE (@stoqey/ib drops tick 0 from a TICK_PRICE).
    expect(sizes(kit, 1001, 0)).toEqual([500]);
    expect(sizes(kit, 1001, 3)).toContain(500);

    const from = kit.events.length;
    await kit.simulator.setPrice('AAPL', '191');
    await kit.waitFor((event) => named(EventName.tickPrice, 1001)(event) && event.args[1] === 4, from);
    expect(prices(kit, 1001, 1, from)).toEqual([190.99]);
    expect(prices(kit, 1001, 2, from)).toEqual([191.01]);
    expect(prices(kit, 1001, 4, from)).toEqual([191]);
  });

  it('answers a snapshot with the current values and TICK_SNAPSHOT_END, and streams nothing after', async () => {
    kit.api.reqMktData(1002, AAPL, '', true, false);
    await kit.waitFor(named(EventName.tickSnapshotEnd, 1002));
    expect(prices(kit, 1002, 1)).toEqual([189.99]);
    const from = kit.events.length;
    await kit.simulator.setPrice('AAPL', '191');
    await kit.simulator.settled();
    expect(ticksOf(kit, 1002, from)).toEqual([]);
  });

  it('stops a line on cancel; cancelling an unknown line is 300', async () => {
    kit.api.reqMktData(1003, AAPL, '', false, false);
    await kit.waitFor(named(EventName.tickPrice, 1003));
    kit.api.cancelMktData(1003);
    kit.api.cancelMktData(4242);
    await kit.waitFor(errorOf(4242, 300));
    const from = kit.events.length;
    await kit.simulator.setPrice('AAPL', '192');
    await kit.simulator.settled();
    expect(ticksOf(kit, 1003, from)).toEqual([]);
  });

  it('refuses an unknown contract (200) and a ticker id already streaming (322)', async () => {
    kit.api.reqMktData(1004, { ...AAPL, symbol: 'NOPE' }, '', false, false);
    kit.api.reqMktData(1005, AAPL, '', false, false);
    kit.api.reqMktData(1005, AAPL, '', false, false);
    await kit.waitFor(errorOf(1005, 322));
    expect(kit.events.filter(errorOf(1004)).map((event) => event.args[1])).toEqual([200]);
    expect(kit.events.filter(named(EventName.marketDataType, 1005))).toHaveLength(1);
  });

  it('sends delayed tick types after reqMarketDataType(3)', async () => {
    kit.api.reqMarketDataType(MarketDataType.DELAYED);
    kit.api.reqMktData(1006, AAPL, '', false, false);
    await kit.waitFor((event) => named(EventName.tickPrice, 1006)(event) && event.args[1] === 68);
    expect(kit.events.find(named(EventName.marketDataType, 1006))?.args).toEqual([
      1006,
      MarketDataType.DELAYED,
    ]);
    expect(prices(kit, 1006, 66)).toEqual([189.99]);
    expect(prices(kit, 1006, 67)).toEqual([190.01]);
    // Unlike BID_SIZE (tick 0), the client also reports DELAYED_BID_SIZE from the TICK_PRICE: twice.
    expect(sizes(kit, 1006, 69)).toEqual([500, 500]);
    expect(prices(kit, 1006, 1)).toEqual([]);
  });

  it('sends nothing after 1101 until the line is requested again', async () => {
    kit.api.reqMktData(1007, AAPL, '', false, false);
    await kit.waitFor(named(EventName.tickPrice, 1007));
    await kit.simulator.connectivityLost();
    await kit.simulator.connectivityRestored({ dataKept: false });
    await kit.waitFor((event) => event.name === EventName.info && event.args[1] === 1101);
    const from = kit.events.length;
    await kit.simulator.setPrice('AAPL', '193');
    await kit.simulator.settled();
    expect(ticksOf(kit, 1007, from)).toEqual([]);

    kit.api.reqMktData(1007, AAPL, '', false, false);
    await kit.waitFor(named(EventName.tickPrice, 1007), from);
    expect(prices(kit, 1007, 1, from)).toEqual([192.99]);
  });
});

/** reqHistoricalData through the real client: the engine's bars, IB's date formats and its refusals. */
describe('TWS simulator: historical data through the real client', () => {
  let kit: TwsClientKit;

  afterEach(async () => {
    expect(kit.decodeErrors).toEqual([]);
    await kit.close();
  });

  interface Ask {
    readonly end?: string;
    readonly what?: WhatToShow;
    readonly formatDate?: number;
    readonly live?: boolean;
    readonly contract?: Contract;
  }
  /** reqHistoricalData, AAPL TRADES over all hours in epoch seconds (formatDate 2) unless told. */
  const ask = (reqId: number, duration: string, barSize: BarSizeSetting, options: Ask = {}) =>
    kit.api.reqHistoricalData(
      reqId,
      options.contract ?? AAPL,
      options.end ?? '',
      duration,
      barSize,
      options.what ?? WhatToShow.TRADES,
      0,
      options.formatDate ?? 2,
      options.live ?? false,
    );
  const finished = (reqId: number) => (event: TwsClientEvent) =>
    named(EventName.historicalData, reqId)(event) && String(event.args[1]).startsWith('finished');
  const messageOf = (reqId: number, code: number): string =>
    (kit.events.find(errorOf(reqId, code))!.args[0] as Error).message;

  /** The bars of one answer, without the client's "finished" marker, once it or an error arrived. */
  async function bars(reqId: number): Promise<unknown[][]> {
    await kit.waitFor((event) => finished(reqId)(event) || errorOf(reqId)(event));
    return kit.events
      .filter((event) => named(EventName.historicalData, reqId)(event) && !finished(reqId)(event))
      .map((event) => [...event.args]);
  }

  it('answers 5-minute bars oldest first, dated in epoch seconds (formatDate 2)', async () => {
    kit = await startTwsClientKit();
    ask(1, '3600 S', BarSizeSetting.MINUTES_FIVE);
    const answer = await bars(1);
    expect(answer.length).toBeGreaterThanOrEqual(12);
    expect(answer.length).toBeLessThanOrEqual(13);
    const times = answer.map((bar) => Number(bar[1]));
    expect(times.every((time, index) => index === 0 || time - times[index - 1]! === 300)).toBe(true);
    expect(times.every((time) => time % 300 === 0)).toBe(true);
    for (const [, , open, high, low, close, volume] of answer as number[][]) {
      expect(high).toBeGreaterThanOrEqual(Math.max(open!, close!));
      expect(low).toBeLessThanOrEqual(Math.min(open!, close!));
      expect(volume).toBeGreaterThanOrEqual(0);
    }
    // The bars before the forming one carry the engine's generated volume.
    expect(answer.slice(0, -1).every((bar) => (bar[6] as number) > 0)).toBe(true);
    expect(String(kit.events.find(finished(1))?.args[1])).toMatch(/^finished-\d+-\d+$/);
  });

  it('dates bars as "YYYYMMDD HH:mm:ss UTC" (formatDate 1), day bars as YYYYMMDD, quotes without volume', async () => {
    kit = await startTwsClientKit();
    ask(2, '7200 S', BarSizeSetting.HOURS_ONE, { what: WhatToShow.MIDPOINT, formatDate: 1 });
    const hourly = await bars(2);
    expect(hourly.length).toBeGreaterThanOrEqual(2);
    expect(hourly.every((bar) => /^\d{8} \d{2}:00:00 UTC$/.test(String(bar[1])))).toBe(true);
    expect(hourly.map((bar) => bar[6])).toEqual(hourly.map(() => -1));

    ask(3, '2 D', BarSizeSetting.DAYS_ONE, { formatDate: 1 });
    const daily = await bars(3);
    expect(daily.length).toBeGreaterThanOrEqual(1);
    expect(daily.every((bar) => /^\d{8}$/.test(String(bar[1])))).toBe(true);
  });

  it('answers a range without bars with 162 "HMDS query returned no data"', async () => {
    kit = await startTwsClientKit();
    ask(4, '1 D', BarSizeSetting.MINUTES_ONE, { end: '20200101-00:00:00' });
    await kit.waitFor(errorOf(4, 162));
    expect(messageOf(4, 162)).toBe(
      'Historical Market Data Service error message:HMDS query returned no data: AAPL@SMART Trades',
    );
  });

  it('refuses an identical request within 15 s with 162 pacing violation', async () => {
    kit = await startTwsClientKit();
    ask(5, '1800 S', BarSizeSetting.MINUTES_ONE);
    ask(6, '1800 S', BarSizeSetting.MINUTES_ONE);
    expect((await bars(5)).length).toBeGreaterThan(0);
    await kit.waitFor(errorOf(6, 162));
    expect(messageOf(6, 162)).toBe(
      'Historical Market Data Service error message:Historical data request pacing violation',
    );
  });

  it('refuses requests past the 10-minute allowance (lowered here to 2)', async () => {
    kit = await startTwsClientKit({
      historyPacing: {
        identicalMs: 15_000,
        burstMs: 2_000,
        burstCount: 6,
        windowMs: 600_000,
        windowCount: 2,
      },
    });
    ask(7, '600 S', BarSizeSetting.MINUTES_ONE);
    ask(8, '1200 S', BarSizeSetting.MINUTES_ONE);
    ask(9, '1800 S', BarSizeSetting.MINUTES_ONE);
    await kit.waitFor(errorOf(9, 162));
    expect((await bars(7)).length).toBeGreaterThan(0);
    expect((await bars(8)).length).toBeGreaterThan(0);
  });

  it('refuses bar sizes the engine cannot build (321) and unknown contracts (200)', async () => {
    kit = await startTwsClientKit();
    ask(10, '1 D', BarSizeSetting.SECONDS_FIVE);
    ask(11, '1 D', BarSizeSetting.MINUTES_ONE, { contract: { ...AAPL, symbol: 'NOPE' } });
    await kit.waitFor(errorOf(11));
    await kit.waitFor(errorOf(10));
    expect(kit.events.filter(errorOf(10)).map((event) => event.args[1])).toEqual([321]);
    expect(kit.events.filter(errorOf(11)).map((event) => event.args[1])).toEqual([200]);
  });

  it('keeps a request up to date: the forming bar at each new price, until cancelled (then 366)', async () => {
    kit = await startTwsClientKit();
    ask(12, '600 S', BarSizeSetting.MINUTES_ONE, { live: true });
    const answer = await bars(12);
    await kit.simulator.setPrice('AAPL', '195');
    const update = await kit.waitFor(named(EventName.historicalDataUpdate, 12));
    const [, time, , high, , close] = update.args as [number, string, number, number, number, number];
    expect(Number(time)).toBeGreaterThanOrEqual(Number(answer.at(-1)![1]));
    expect(Number(time) % 60).toBe(0);
    expect(close).toBe(195);
    expect(high).toBeGreaterThanOrEqual(195);

    kit.api.cancelHistoricalData(12);
    await kit.answered('25');
    const from = kit.events.length;
    await kit.simulator.setPrice('AAPL', '196');
    kit.api.cancelHistoricalData(12);
    await kit.waitFor(errorOf(12, 366), from);
    expect(kit.events.slice(from).filter(named(EventName.historicalDataUpdate, 12))).toEqual([]);
  });
});
