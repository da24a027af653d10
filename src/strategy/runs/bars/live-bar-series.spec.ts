import { barSeriesFromRows, type BarRow } from '#backtest/data/bar-series.js';
import { SeriesHistory } from '#backtest/engine/series-history.js';
import { IndicatorSet } from '#backtest/strategy/indicator-set.js';
import { LiveBarSeries } from './live-bar-series.js';

const MINUTE = 60_000;
const T0 = 1_704_067_200_000;

function bar(index: number): BarRow {
  const close = 100 + Math.sin(index / 5) * 10;
  return {
    time: T0 + index * MINUTE,
    open: close - 1,
    high: close + 2,
    low: close - 2,
    close,
    volume: index,
  };
}

function filled(count: number, maxBars?: number): LiveBarSeries {
  const series = new LiveBarSeries('BTCUSDT', maxBars === undefined ? {} : { maxBars });
  for (let index = 0; index < count; index += 1) series.append(bar(index));
  return series;
}

describe('LiveBarSeries', () => {
  it('holds appended bars in columns exactly as long as the series, like a backtest series', () => {
    const series = filled(300);
    const rows = Array.from({ length: 300 }, (_, index) => bar(index));
    const expected = barSeriesFromRows('BTCUSDT', rows);
    expect(series.length).toBe(300);
    expect(series.symbol).toBe('BTCUSDT');
    for (const column of ['time', 'open', 'high', 'low', 'close', 'volume'] as const)
      expect(series[column]).toEqual(expected[column]);
  });

  it('returns the index of each appended bar', () => {
    const series = new LiveBarSeries('ETHUSDT');
    expect(series.append(bar(0))).toBe(0);
    expect(series.append(bar(1))).toBe(1);
    expect(series.close[1]).toBe(bar(1).close);
    expect(series.lastTime).toBe(T0 + MINUTE);
  });

  it('stores volume 0 for a bar without one', () => {
    const series = new LiveBarSeries('X');
    series.append({ time: T0, open: 1, high: 1, low: 1, close: 1 });
    expect(series.volume[0]).toBe(0);
  });

  it('refuses a bar not after the last one', () => {
    const series = filled(3);
    expect(() => series.append(bar(2))).toThrow(RangeError);
    expect(() => series.append(bar(1))).toThrow(/not after the last bar/);
    expect(series.length).toBe(3);
    expect(series.append(bar(3))).toBe(3);
  });

  it('refuses a bar with a non-finite time or price', () => {
    const series = new LiveBarSeries('X');
    expect(() => series.append({ ...bar(0), time: Number.NaN })).toThrow(RangeError);
    expect(() => series.append({ ...bar(0), close: Number.NaN })).toThrow(RangeError);
    expect(() => series.append({ ...bar(0), high: Number.POSITIVE_INFINITY })).toThrow(RangeError);
    expect(series.length).toBe(0);
    expect(series.lastTime).toBeNaN();
  });

  it('keeps at most maxBars, dropping the oldest quarter at once and reporting the new index', () => {
    const series = filled(100, 100);
    expect(series.length).toBe(100);
    expect(series.dropped).toBe(0);

    const index = series.append(bar(100));
    expect(index).toBe(75);
    expect(series.length).toBe(76);
    expect(series.dropped).toBe(25);
    expect(series.time[0]).toBe(bar(25).time);
    expect(series.close[index]).toBe(bar(100).close);
    expect(series.time.length).toBe(76);
  });

  it('stays bounded and consistent over a run much longer than the window', () => {
    const series = filled(10_000, 1_000);
    expect(series.length).toBeLessThanOrEqual(1_000);
    expect(series.dropped + series.length).toBe(10_000);
    for (let index = 0; index < series.length; index += 1)
      expect(series.time[index]).toBe(bar(series.dropped + index).time);
  });

  it('never changes a column view already handed out, so a reader holding one sees a stable snapshot', () => {
    const series = filled(8, 8);
    const before = series.close;
    const copy = Float64Array.from(before);
    series.append(bar(8));
    series.append(bar(9));
    expect(before).toEqual(copy);
    expect(series.close[series.length - 1]).toBe(bar(9).close);
  });

  it('is read by SeriesHistory at the index append returns, also after a drop', () => {
    const series = new LiveBarSeries('X', { maxBars: 8 });
    const history = new SeriesHistory(series);
    for (let index = 0; index < 20; index += 1) {
      history.cursor = series.append(bar(index));
      expect(history.close()).toBe(bar(index).close);
      expect(history.time()).toBe(bar(index).time);
    }
    expect(history.close(3)).toBe(bar(16).close);
    expect(history.length).toBe(series.length);
  });

  it('feeds indicators the same values as a backtest series with the same bars', () => {
    const rows = Array.from({ length: 500 }, (_, index) => bar(index));
    const backtest = barSeriesFromRows('X', rows);
    const live = new LiveBarSeries('X', { maxBars: 64 });
    const backtestSet = new IndicatorSet(['X']);
    const liveSet = new IndicatorSet(['X']);
    const backtestEma = backtestSet.ema(20);
    const liveEma = liveSet.ema(20);
    const backtestAtr = backtestSet.atr(14);
    const liveAtr = liveSet.atr(14);
    rows.forEach((row, index) => {
      backtestSet.feed(0, backtest, index);
      liveSet.feed(0, live, live.append(row));
    });
    expect(liveEma.value).toBe(backtestEma.value);
    expect(liveAtr.value).toBe(backtestAtr.value);
    expect(liveEma.isReady).toBe(true);
  });

  it('starts from warm-up history, keeping its last maxBars', () => {
    const history = barSeriesFromRows(
      'X',
      Array.from({ length: 50 }, (_, index) => bar(index)),
    );
    const series = LiveBarSeries.fromSeries(history, { maxBars: 20 });
    expect(series.length).toBe(20);
    expect(series.time[0]).toBe(bar(30).time);
    expect(series.append(bar(50))).toBe(20 - 5);
    expect(() => series.append(bar(49))).toThrow(RangeError);
  });

  it('refuses a window too small to hold history', () => {
    expect(() => new LiveBarSeries('X', { maxBars: 3 })).toThrow(RangeError);
    expect(() => new LiveBarSeries('X', { maxBars: 10.5 })).toThrow(RangeError);
  });
});
