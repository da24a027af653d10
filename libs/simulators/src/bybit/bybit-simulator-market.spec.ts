import { type BybitSpecKit, startBybitSpecKit } from './testing/bybit-spec-kit.js';

const MINUTE = 60_000;

describe('BybitSimulator public market data', () => {
  let kit: BybitSpecKit;

  beforeAll(async () => {
    kit = await startBybitSpecKit({ historyMinutes: 1500 });
  });

  afterAll(async () => {
    await kit.close();
  });

  it('lists instruments with the lot size filter of their category', async () => {
    const linear = await kit.rest.getInstrumentsInfo({ category: 'linear', symbol: 'BTCUSDT' });
    expect(linear.result.list[0]).toMatchObject({
      symbol: 'BTCUSDT',
      contractType: 'LinearPerpetual',
      status: 'Trading',
      priceFilter: { tickSize: '0.1', minPrice: '0.1' },
      lotSizeFilter: {
        qtyStep: '0.001',
        minOrderQty: '0.001',
        maxOrderQty: '1190',
        maxMktOrderQty: '500',
        minNotionalValue: '5',
      },
    });
    const spot = await kit.rest.getInstrumentsInfo({ category: 'spot' });
    expect(spot.result.list.map((instrument) => instrument.symbol)).toEqual(['BTCUSDT', 'ETHUSDT']);
    expect(spot.result.list[0]?.lotSizeFilter).toMatchObject({
      basePrecision: '0.000001',
      minOrderAmt: '5',
      maxLimitOrderQty: '83',
    });
    expect(spot.result).not.toHaveProperty('nextPageCursor');
  });

  it('quotes tickers per category, and refuses an unknown symbol', async () => {
    const linear = await kit.rest.getTickers({ category: 'linear' });
    expect(linear.result.list.map((ticker) => ticker.symbol)).toEqual(['BTCUSDT', 'ETHUSDT']);
    expect(linear.result.list[0]).toMatchObject({
      lastPrice: '65000',
      bid1Price: '65000',
      ask1Price: '65000.1',
      bid1Size: '2',
    });
    const [spot] = (await kit.rest.getTickers({ category: 'spot', symbol: 'ETHUSDT' })).result.list;
    expect(spot).toMatchObject({ symbol: 'ETHUSDT', lastPrice: '3200', bid1Price: '3200' });
    expect(spot).not.toHaveProperty('fundingRate');
    const unknown = await kit.rest.getTickers({ category: 'linear', symbol: 'NOPEUSDT' });
    expect(unknown.retCode).toBe(10001);
  });

  it('returns klines newest first, 200 by default, at most `limit`, within start and end', async () => {
    const latest = await kit.rest.getKline({ category: 'linear', symbol: 'BTCUSDT', interval: '1' });
    const rows = latest.result.list;
    expect(rows).toHaveLength(200);
    const starts = rows.map((row) => Number(row[0]));
    expect(starts.every((start, i) => i === 0 || start === (starts[i - 1] ?? 0) - MINUTE)).toBe(true);
    expect(rows[0]?.every((cell) => typeof cell === 'string')).toBe(true);

    // Paging backwards: end just before the oldest row of the previous page.
    const oldest = starts.at(-1) ?? 0;
    const previous = await kit.rest.getKline({
      category: 'linear',
      symbol: 'BTCUSDT',
      interval: '1',
      end: oldest - 1,
      limit: 5,
    });
    expect(previous.result.list.map((row) => Number(row[0]))).toEqual(
      [1, 2, 3, 4, 5].map((i) => oldest - i * MINUTE),
    );

    const window = await kit.rest.getKline({
      category: 'spot',
      symbol: 'BTCUSDT',
      interval: '5',
      start: oldest,
      end: oldest + 29 * MINUTE,
    });
    expect(window.result.list).toHaveLength(6);
    expect(window.result).toMatchObject({ category: 'spot', symbol: 'BTCUSDT' });

    const hourly = await kit.rest.getKline({
      category: 'linear',
      symbol: 'ETHUSDT',
      interval: '60',
      limit: 3,
    });
    expect(hourly.result.list.map((row) => Number(row[0]) % 3_600_000)).toEqual([0, 0, 0]);

    const tooMany = await kit.rest.getKline({
      category: 'linear',
      symbol: 'BTCUSDT',
      interval: '1',
      limit: 1001,
    });
    expect(tooMany.retCode).toBe(10001);
    const badInterval = await kit.rest.getKline({
      category: 'linear',
      symbol: 'BTCUSDT',
      interval: '2' as '1',
    });
    expect(badInterval.retCode).toBe(10001);
  });
});
