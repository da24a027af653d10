import { EventName, SecType } from '@stoqey/ib';
import type { Contract, ContractDetails } from '@stoqey/ib';
import { startTwsClientKit, type TwsClientKit } from './testing/tws-client-kit.js';

/** reqContractDetails through the real client: IB's contract rules as the adapter caches them. */
describe('TWS simulator: contract details', () => {
  let kit: TwsClientKit;
  let reqId = 100;

  beforeAll(async () => {
    kit = await startTwsClientKit();
  });

  afterAll(async () => {
    expect(kit.decodeErrors).toEqual([]);
    await kit.close();
  });

  async function details(contract: Contract): Promise<ContractDetails[]> {
    const id = ++reqId;
    kit.api.reqContractDetails(id, contract);
    await kit.waitFor(
      (event) =>
        (event.name === EventName.contractDetailsEnd && event.args[0] === id) ||
        (event.name === EventName.error && event.args[2] === id),
    );
    return kit.events
      .filter((event) => event.name === EventName.contractDetails && event.args[0] === id)
      .map((event) => event.args[1] as ContractDetails);
  }

  it('describes a stock routed through SMART with its primary exchange, tick and size rules', async () => {
    const [apple, ...more] = await details({
      symbol: 'AAPL',
      secType: SecType.STK,
      exchange: 'SMART',
      currency: 'USD',
    });
    expect(more).toEqual([]);
    expect(apple).toMatchObject({
      contract: { conId: 265598, symbol: 'AAPL', primaryExch: 'NASDAQ', localSymbol: 'AAPL' },
      minTick: 0.01,
      minSize: 1,
      sizeIncrement: 1,
      longName: 'APPLE INC',
      validExchanges: 'SMART,NASDAQ',
      timeZoneId: 'US/Eastern',
    });
    expect(apple!.tradingHours).toMatch(
      /^\d{8}:(0400-\d{8}:2000|CLOSED)(;\d{8}:(0400-\d{8}:2000|CLOSED)){2}$/,
    );
  });

  it('finds a future by its contract month, a currency pair by base and quote, crypto by conId', async () => {
    const [future] = await details({
      symbol: 'ES',
      secType: SecType.FUT,
      exchange: 'CME',
      currency: 'USD',
      lastTradeDateOrContractMonth: '202612',
    });
    expect(future).toMatchObject({ contract: { localSymbol: 'ESZ6', multiplier: 50 }, minTick: 0.25 });
    const [pair] = await details({
      symbol: 'EUR',
      secType: SecType.CASH,
      exchange: 'IDEALPRO',
      currency: 'USD',
    });
    expect(pair).toMatchObject({ contract: { localSymbol: 'EUR.USD' }, minTick: 0.00005 });
    const [bitcoin] = await details({ conId: 479624278, exchange: 'PAXOS' });
    expect(bitcoin).toMatchObject({ contract: { symbol: 'BTC', secType: 'CRYPTO' }, sizeIncrement: 0.0001 });
  });

  it('answers every match of an ambiguous request, and 200 when nothing matches', async () => {
    expect(await details({ currency: 'USD' })).toHaveLength(4);
    const id = reqId + 1;
    expect(
      await details({ symbol: 'NOPE', secType: SecType.STK, exchange: 'SMART', currency: 'USD' }),
    ).toEqual([]);
    const refused = kit.events.find((event) => event.name === EventName.error && event.args[2] === id);
    expect(refused?.args[1]).toBe(200);
  });
});
