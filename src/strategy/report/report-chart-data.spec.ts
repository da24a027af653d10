import { pickChartTimes } from './chart-time.js';
import { pricePrecision } from './price-precision.js';
import { buildReportChartData } from './report-chart-data.js';
import { FIXTURE_TRADES, makeReportData } from './testing/backtest-report-fixture.js';
import { buildTradeMarkers } from './trade-markers.js';

describe('pickChartTimes', () => {
  it('turns milliseconds into unique, increasing seconds: the last point of a second wins', () => {
    expect(pickChartTimes([1_000, 1_400, 1_900, 3_000, 2_000, 4_000])).toEqual({
      indices: [2, 3, 5],
      seconds: [1, 3, 4],
    });
  });
});

describe('buildTradeMarkers', () => {
  const day = 86_400;
  const candleSeconds = [0, day, 2 * day, 3 * day].map((second) => second + 1_672_617_600);

  it('puts a fill on the candle holding it, also when candles were merged', () => {
    const [trade] = FIXTURE_TRADES;
    const markers = buildTradeMarkers(
      [{ ...trade!, entryTime: (candleSeconds[1]! + 3_600) * 1000, exitTime: candleSeconds[3]! * 1000 }],
      candleSeconds,
    );
    expect(markers.map((marker) => marker.time)).toEqual([candleSeconds[1], candleSeconds[3]]);
  });

  it('marks a trade still open at the end with its entry only', () => {
    const open = FIXTURE_TRADES.find((trade) => trade.open)!;
    expect(buildTradeMarkers([open], candleSeconds)).toHaveLength(1);
  });
});

describe('buildReportChartData', () => {
  it('draws drawdown as a negative percent and leaves a short run whole', () => {
    const data = makeReportData(300);
    const charts = buildReportChartData(data);
    const deepest = Math.max(...Array.from(data.drawdown));
    expect(Math.min(...charts.drawdownPercent.map((point) => point.value))).toBeCloseTo(-deepest * 100, 10);
    expect(charts.equity).toHaveLength(300);
    expect(charts.candles).toHaveLength(300);
    expect(charts.reduction.candles.barsPerCandle).toBe(1);
  });

  it('leaves out points the chart cannot draw', () => {
    const data = makeReportData(5);
    const equity = [...Array.from(data.equity.equity)];
    equity[2] = Number.NaN;
    const charts = buildReportChartData({ ...data, equity: { time: data.equity.time, equity } });
    expect(charts.equity).toHaveLength(4);
  });
});

describe('pricePrecision', () => {
  const at = (high: number) => [{ time: 1, open: high, high, low: high, close: high }];
  it('gives about five significant digits, two decimals at least', () => {
    expect(pricePrecision(at(1.08345))).toBe(4);
    expect(pricePrecision(at(0.012345))).toBe(6);
    expect(pricePrecision(at(101.25))).toBe(2);
    expect(pricePrecision(at(65_000))).toBe(2);
    expect(pricePrecision([])).toBe(2);
  });
});
