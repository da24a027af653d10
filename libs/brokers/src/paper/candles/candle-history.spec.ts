import { dec } from '../../decimal/index.js';
import { CandleHistory } from './candle-history.js';
import { PaperAdapter } from '../paper.adapter.js';
import { startPaperTestKit, T0, testPaperConfig } from '../testing/paper-test-kit.js';

const MINUTE = 60_000;

describe('CandleHistory', () => {
  /** Prices at T0 + n minutes + 1 s: 10:00 → 10:09, one tick a minute, volume 1 each. */
  function tenMinutes(): CandleHistory {
    const history = new CandleHistory();
    [100, 103, 99, 101, 102, 104, 98, 100, 105, 97].forEach((price, n) =>
      history.record('X', dec(price), dec(1), T0 + n * MINUTE + 1000),
    );
    return history;
  }

  it('builds 1-minute bars from every price', () => {
    const history = new CandleHistory();
    for (const [second, price] of [
      [0, 100],
      [10, 102],
      [20, 98],
      [59, 101],
    ] as const) {
      history.record('X', dec(price), dec(2), T0 + second * 1000);
    }
    history.addVolume('X', dec(5), T0 + 59_500);
    expect(history.getCandles('X', MINUTE, T0, T0)).toEqual([
      {
        openTime: '2024-03-04T10:00:00.000Z',
        open: '100',
        high: '102',
        low: '98',
        close: '101',
        volume: '13',
      },
    ]);
  });

  it('aggregates into any timeframe, aligned to UTC epoch multiples, oldest first', () => {
    const candles = tenMinutes().getCandles('X', 5 * MINUTE, T0, T0 + 9 * MINUTE);
    expect(candles).toEqual([
      {
        openTime: '2024-03-04T10:00:00.000Z',
        open: '100',
        high: '103',
        low: '99',
        close: '102',
        volume: '5',
      },
      { openTime: '2024-03-04T10:05:00.000Z', open: '104', high: '105', low: '97', close: '97', volume: '5' },
    ]);
    const threes = tenMinutes().getCandles('X', 3 * MINUTE, T0, T0 + 9 * MINUTE);
    // 10:00 is minute 28 252 560 of the epoch, a multiple of 3: buckets start 10:00, 10:03, 10:06, 10:09.
    expect(threes.map((c) => c.openTime.slice(11, 16))).toEqual(['10:00', '10:03', '10:06', '10:09']);
  });

  it('returns only bars opening within [from, to]', () => {
    const candles = tenMinutes().getCandles('X', 2 * MINUTE, T0 + MINUTE, T0 + 6 * MINUTE);
    // 10:00 opens before `from`; 10:08 after `to`.
    expect(candles.map((c) => c.openTime.slice(11, 16))).toEqual(['10:02', '10:04', '10:06']);
    expect(tenMinutes().getCandles('X', MINUTE, T0 + 20 * MINUTE, T0 + 30 * MINUTE)).toEqual([]);
    expect(tenMinutes().getCandles('Y', MINUTE, T0, T0 + 30 * MINUTE)).toEqual([]);
  });

  it('keeps at most its cap of bars per symbol, dropping the oldest', () => {
    const history = new CandleHistory(100);
    for (let n = 0; n < 250; n++) history.record('X', dec(100), dec(1), T0 + n * MINUTE);
    expect(history.size('X')).toBeLessThanOrEqual(100);
    const candles = history.getCandles('X', MINUTE, 0, T0 + 1000 * MINUTE);
    expect(candles.at(-1)?.openTime).toBe(new Date(T0 + 249 * MINUTE).toISOString());
  });
});

describe('PaperAdapter candles', () => {
  it('has historyMinutes of 1-minute bars at once, ending at the start price', async () => {
    const kit = await startPaperTestKit({ historyMinutes: 120 });
    const candles = await kit.adapter.getCandles('TEST', '1m', new Date(T0 - 1000 * MINUTE), new Date(T0));
    expect(candles).toHaveLength(121);
    expect(candles[0]?.openTime).toBe(new Date(T0 - 120 * MINUTE).toISOString());
    expect(candles.at(-2)?.close).toBe('100');
    for (const candle of candles) {
      expect(dec(candle.low).lte(candle.open) && dec(candle.low).lte(candle.close)).toBe(true);
      expect(dec(candle.high).gte(candle.open) && dec(candle.high).gte(candle.close)).toBe(true);
      expect(dec(candle.low).gt(0)).toBe(true);
    }
    const hours = await kit.adapter.getCandles('TEST', '1h', new Date(T0 - 1000 * MINUTE), new Date(T0));
    expect(hours.map((c) => c.openTime)).toEqual([
      '2024-03-04T08:00:00.000Z',
      '2024-03-04T09:00:00.000Z',
      '2024-03-04T10:00:00.000Z',
    ]);
  });

  it('records ticks and fills into the current bar', async () => {
    const kit = await startPaperTestKit({ historyMinutes: 0 });
    kit.setTime(T0 + 1000);
    kit.quote('104.99', '105.01');
    kit.setTime(T0 + 2000);
    kit.quote('95.99', '96.01');
    await kit.place({ side: 'buy', type: 'market', quantity: '3' });
    const [bar] = await kit.adapter.getCandles('TEST', '1m', new Date(T0), new Date(T0));
    expect(bar).toMatchObject({ open: '100', high: '105', low: '96', close: '96', volume: '3' });
  });

  it('generates the same history for the same seed', async () => {
    const candles = async (): Promise<string[]> => {
      const adapter = new PaperAdapter(testPaperConfig(), () => T0);
      await adapter.connect();
      return (await adapter.getCandles('TEST', '5m', new Date(T0 - 60 * MINUTE), new Date(T0))).map(
        (c) => c.close,
      );
    };
    expect(await candles()).toEqual(await candles());
  });

  it('refuses a timeframe it cannot read', async () => {
    const kit = await startPaperTestKit();
    await expect(kit.adapter.getCandles('TEST', '1x', new Date(T0), new Date(T0))).rejects.toThrow(
      /timeframe/,
    );
  });
});
