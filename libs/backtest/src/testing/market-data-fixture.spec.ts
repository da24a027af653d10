import { loadFixtureSeries } from './market-data-fixture.js';

describe('loadFixtureSeries', () => {
  it('reads the GOOG daily candles with their dates as UTC midnights', () => {
    const series = loadFixtureSeries('GOOG');
    expect(series.symbol).toBe('GOOG');
    expect(series.length).toBe(2148);
    expect(series.time[0]).toBe(Date.UTC(2004, 7, 19));
    expect([series.open[0], series.high[0], series.low[0], series.close[0], series.volume[0]]).toEqual([
      100, 104.06, 95.96, 100.34, 22351900,
    ]);
  });

  it('reads the EURUSD hourly candles with their timestamps as UTC, strictly increasing', () => {
    const series = loadFixtureSeries('EURUSD');
    expect(series.length).toBe(5000);
    expect(series.time[0]).toBe(Date.UTC(2017, 3, 19, 9, 0, 0));
    expect(series.time[1]).toBe(Date.UTC(2017, 3, 19, 10, 0, 0));
    expect(series.close[1]).toBe(1.0726);
    const firstOutOfOrder = Array.from(series.time).findIndex(
      (time, index) => index > 0 && time <= series.time[index - 1]!,
    );
    expect(firstOutOfOrder).toBe(-1);
  });
});
