import { parseCandleCsv, parseCandleTime } from './csv-candles.js';

describe('parseCandleCsv', () => {
  it('reads a pandas export: unnamed time column, capitalised names, zoneless times as UTC', () => {
    const candles = parseCandleCsv(
      ',Open,High,Low,Close,Volume\n2017-04-19 09:00:00,1.0716,1.0722,1.07083,1.07219,1413\n',
    );
    expect(candles).toHaveLength(1);
    expect(candles[0]?.timeMs).toBe(Date.parse('2017-04-19T09:00:00Z'));
    expect(candles[0]?.low.toFixed()).toBe('1.07083');
    expect(candles[0]?.volume?.toFixed()).toBe('1413');
  });

  it('accepts a time column by name, any order of columns, no volume, and sorts oldest first', () => {
    const candles = parseCandleCsv('close,open,time,high,low\n2,1,2024-01-02,3,0.5\n5,4,2024-01-01,6,3.5\n');
    expect(candles.map((c) => [c.timeMs, c.open.toFixed(), c.close.toFixed(), c.volume])).toEqual([
      [Date.parse('2024-01-01T00:00:00Z'), '4', '5', null],
      [Date.parse('2024-01-02T00:00:00Z'), '1', '2', null],
    ]);
  });

  it('widens a high or low that does not contain open and close', () => {
    const [candle] = parseCandleCsv('time,open,high,low,close\n0,10,9,11,10.5\n');
    expect([candle?.high.toFixed(), candle?.low.toFixed()]).toEqual(['10.5', '10']);
  });

  it('refuses a file without the price columns or with a bad number', () => {
    expect(() => parseCandleCsv('time,open,close\n1,1,1\n')).toThrow(/open, high, low and close/);
    expect(() => parseCandleCsv('time,open,high,low,close\n1,1,x,1,1\n', 'f.csv')).toThrow(
      /f.csv:2: high "x"/,
    );
    expect(() => parseCandleCsv('time,open,high,low,close\n')).toThrow(/no candles/);
  });
});

describe('parseCandleTime', () => {
  it.each([
    ['2024-03-04T10:00:00.000Z', '2024-03-04T10:00:00.000Z'],
    ['2024-03-04T12:00:00+02:00', '2024-03-04T10:00:00.000Z'],
    ['2024-03-04', '2024-03-04T00:00:00.000Z'],
    ['2024-03-04 10:00', '2024-03-04T10:00:00.000Z'],
    ['1709546400', '2024-03-04T10:00:00.000Z'],
    ['1709546400000', '2024-03-04T10:00:00.000Z'],
  ])('reads %s', (value, iso) => {
    expect(new Date(parseCandleTime(value)).toISOString()).toBe(iso);
  });

  it('refuses what is not a time', () => {
    expect(() => parseCandleTime('yesterday')).toThrow(/not ISO 8601/);
  });
});
