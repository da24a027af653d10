import { aggregateCandles } from './aggregate-candles.js';
import type { CandlePoint, LinePoint } from './chart-points.js';
import { downsampleLine } from './downsample-line.js';
import { buildReportChartData } from './report-chart-data.js';
import { makeReportData } from './testing/backtest-report-fixture.js';

const POINTS = 150_000;

/** A noisy walk with one deep trough and one high peak planted mid-run, which no bucket may smooth away. */
function walk(): LinePoint[] {
  return Array.from({ length: POINTS }, (_, index) => ({
    time: 1_600_000_000 + index * 60,
    value: index === 77_777 ? -500 : index === 12_345 ? 900 : 100 + Math.sin(index / 50) * 20 + (index % 7),
  }));
}

describe('downsampleLine', () => {
  const points = walk();
  const reduced = downsampleLine(points, 20_000);

  it('keeps at most 20,000 of 150,000 points, the first and the last among them', () => {
    expect(reduced.length).toBeLessThanOrEqual(20_000);
    expect(reduced.length).toBeGreaterThan(10_000);
    expect(reduced[0]).toBe(points[0]);
    expect(reduced.at(-1)).toBe(points.at(-1));
  });

  it('keeps the lowest and highest points', () => {
    expect(reduced).toContain(points[77_777]);
    expect(reduced).toContain(points[12_345]);
    expect(Math.min(...reduced.map((point) => point.value))).toBe(-500);
    expect(Math.max(...reduced.map((point) => point.value))).toBe(900);
  });

  it('keeps times strictly increasing, as lightweight-charts requires', () => {
    expect(reduced.every((point, index) => index === 0 || point.time > reduced[index - 1]!.time)).toBe(true);
  });

  it('leaves a short line as it is', () => {
    expect(downsampleLine(points.slice(0, 500), 20_000)).toEqual(points.slice(0, 500));
  });
});

describe('aggregateCandles', () => {
  const bars: CandlePoint[] = Array.from({ length: POINTS }, (_, index) => ({
    time: 1_600_000_000 + index * 60,
    open: 100 + index,
    high: index === 99_999 ? 10_000_000 : 101 + index,
    low: index === 3 ? -7 : 99 + index,
    close: 100.5 + index,
  }));
  const { candles, barsPerCandle } = aggregateCandles(bars, 20_000);

  it('merges 150,000 bars into at most 20,000 candles of 8 bars each', () => {
    expect(barsPerCandle).toBe(8);
    expect(candles.length).toBeLessThanOrEqual(20_000);
    expect(candles).toHaveLength(Math.ceil(POINTS / 8));
  });

  it('gives each candle its first open and time, the group high and low, and its last close', () => {
    expect(candles[0]).toEqual({ time: bars[0]!.time, open: 100, high: 108, low: -7, close: 107.5 });
    expect(candles.at(-1)!.close).toBe(bars.at(-1)!.close);
    expect(Math.max(...candles.map((candle) => candle.high))).toBe(10_000_000);
  });
});

describe('buildReportChartData on a long run', () => {
  it('reduces equity, drawdown and candles and records by how much', () => {
    const charts = buildReportChartData(makeReportData(POINTS));
    expect(charts.equity.length).toBeLessThanOrEqual(20_000);
    expect(charts.drawdownPercent.length).toBeLessThanOrEqual(20_000);
    expect(charts.candles.length).toBeLessThanOrEqual(20_000);
    expect(charts.reduction.equityPoints.from).toBe(POINTS);
    expect(charts.reduction.candles).toMatchObject({ from: POINTS, barsPerCandle: 8 });
  });
});
