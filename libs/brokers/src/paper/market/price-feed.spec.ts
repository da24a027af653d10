import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dec, isMultipleOf } from '../../decimal/index.js';
import { PaperAdapter } from '../paper.adapter.js';
import type { PaperInstrumentConfig } from '../paper-config.js';
import { T0, TEST_INSTRUMENT, testPaperConfig } from '../testing/paper-test-kit.js';
import { PriceFeed } from './price-feed.js';

/**
 * Real hourly EURUSD candles: the first 100 bars of the project's shared test data (EURUSD.csv, 2017-04-19
 * on), kept in the repo so the spec runs on any clone.
 */
const EURUSD_CSV = fileURLToPath(new URL('../../testing/fixtures/eurusd-1h.sample.csv', import.meta.url));

function walk(instrument: PaperInstrumentConfig, seed: number, ticks: number): string[] {
  const feed = new PriceFeed([instrument], seed, T0);
  return Array.from({ length: ticks }, (_, i) => {
    const [quote] = feed.advance(T0 + i);
    return `${quote?.bid.toFixed()}/${quote?.ask.toFixed()}`;
  });
}

describe('PriceFeed random walk', () => {
  it('gives the same prices for the same seed, other prices for another seed', () => {
    expect(walk(TEST_INSTRUMENT, 42, 200)).toEqual(walk(TEST_INSTRUMENT, 42, 200));
    expect(walk(TEST_INSTRUMENT, 42, 200)).not.toEqual(walk(TEST_INSTRUMENT, 43, 200));
  });

  it('does not change one symbol when another is added', () => {
    const alone = new PriceFeed([TEST_INSTRUMENT], 42, T0);
    const together = new PriceFeed([{ ...TEST_INSTRUMENT, symbol: 'OTHER' }, TEST_INSTRUMENT], 42, T0);
    for (let i = 0; i < 50; i++) {
      alone.advance(T0);
      together.advance(T0);
    }
    expect(together.quote('TEST')?.bid.toFixed()).toBe(alone.quote('TEST')?.bid.toFixed());
  });

  it('keeps quotes on the tick grid, bid < ask by exactly the spread, and positive under wild volatility', () => {
    const instrument = { ...TEST_INSTRUMENT, startPrice: '0.05', volatility: 0.5, spreadTicks: 3 };
    const feed = new PriceFeed([instrument], 1, T0);
    for (let i = 0; i < 2000; i++) {
      const [quote] = feed.advance(T0 + i * 1000);
      if (!quote) throw new Error('no quote');
      expect(quote.bid.gt(0)).toBe(true);
      expect(quote.ask.minus(quote.bid).eq('0.03')).toBe(true);
      expect(isMultipleOf(quote.bid, '0.01') && isMultipleOf(quote.ask, '0.01')).toBe(true);
      expect(quote.size.eq(10)).toBe(true);
    }
  });

  it('moves by about the configured volatility per tick', () => {
    const instrument = { ...TEST_INSTRUMENT, startPrice: '10000', volatility: 0.001 };
    const feed = new PriceFeed([instrument], 3, T0);
    let previous = 10_000;
    let sumSquares = 0;
    for (let i = 0; i < 5000; i++) {
      const price = Number(feed.advance(T0)[0]?.last.toFixed());
      sumSquares += Math.log(price / previous) ** 2;
      previous = price;
    }
    expect(Math.sqrt(sumSquares / 5000)).toBeCloseTo(0.001, 4);
  });

  it('continues the walk from a forced quote', () => {
    const feed = new PriceFeed([TEST_INSTRUMENT], 42, T0);
    feed.set('TEST', dec('199.99'), dec('200.01'), T0);
    const [next] = feed.advance(T0);
    expect(next?.last.gt(190) && next.last.lt(210)).toBe(true);
    expect(() => feed.set('TEST', dec('200.01'), dec('200.01'), T0)).toThrow(RangeError);
    expect(() => feed.set('TEST', dec('200.001'), dec('200.01'), T0)).toThrow(/tick size/);
  });
});

describe('PriceFeed replay', () => {
  const eurusd: PaperInstrumentConfig = {
    ...TEST_INSTRUMENT,
    symbol: 'EURUSD',
    tickSize: '0.00001',
    lotSize: '1000',
    minQuantity: '1000',
    spreadTicks: 2,
    depth: '1000000',
    replayFile: EURUSD_CSV,
  };

  it('walks each candle of the EURUSD sample open → low/high → close', () => {
    const feed = new PriceFeed([eurusd], 42, T0);
    const prices = [feed.quote('EURUSD'), ...Array.from({ length: 8 }, () => feed.advance(T0)[0])].map((q) =>
      q?.last.toFixed(),
    );
    // 09:00 rises (1.0716 → 1.07219): low first. 10:00 (1.07214 → 1.0726) rises too.
    expect(prices).toEqual([
      '1.0716',
      '1.07083',
      '1.0722',
      '1.07219',
      '1.07214',
      '1.07214',
      '1.07296',
      '1.0726',
      '1.07256',
    ]);
    const quote = feed.quote('EURUSD');
    expect(quote?.ask.minus(quote.bid).toFixed()).toBe('0.00002');
  });

  it("stamps ticks with the file's time under replayClock 'file': four steps a bar, a quarter bar apart", () => {
    const feed = new PriceFeed([{ ...eurusd, replayClock: 'file' }], 42, T0);
    const times = [feed.quote('EURUSD'), ...Array.from({ length: 5 }, () => feed.advance(T0)[0])].map(
      (quote) => new Date(quote!.timeMs).toISOString(),
    );
    expect(times).toEqual([
      '2017-04-19T09:00:00.000Z',
      '2017-04-19T09:15:00.000Z',
      '2017-04-19T09:30:00.000Z',
      '2017-04-19T09:45:00.000Z',
      '2017-04-19T10:00:00.000Z',
      '2017-04-19T10:15:00.000Z',
    ]);
    // On the wall clock (the default) a tick carries the time it was made at.
    expect(new PriceFeed([eurusd], 42, T0).advance(T0 + 5)[0]?.timeMs).toBe(T0 + 5);
  });

  it('loops to the start at the end of the file', () => {
    const rows = readFileSync(EURUSD_CSV, 'utf8').trim().split('\n').length - 1;
    const feed = new PriceFeed([eurusd], 42, T0);
    for (let i = 0; i < rows * 4; i++) feed.advance(T0);
    expect(feed.quote('EURUSD')?.last.toFixed()).toBe('1.0716');
  });

  it('drives the paper adapter: orders fill at the replayed quotes', async () => {
    const adapter = new PaperAdapter(testPaperConfig({ instruments: [eurusd] }), () => T0);
    await adapter.connect();
    adapter.tick(); // to the first candle's low, 1.07083
    const ticker = await adapter.getTicker('EURUSD');
    expect([ticker.bid, ticker.ask]).toEqual(['1.07082', '1.07084']);
    const ack = await adapter.placeOrder({
      clientOrderId: 'r1',
      symbol: 'EURUSD',
      side: 'buy',
      type: 'market',
      quantity: '10000',
      timeInForce: 'gtc',
    });
    expect((await adapter.getOrder(ack.brokerOrderId)).averageFillPrice).toBe('1.07084');
  });
});
