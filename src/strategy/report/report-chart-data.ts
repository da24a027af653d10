import type { BacktestReportData, NumberColumn } from './backtest-report-data.js';
import { aggregateCandles } from './aggregate-candles.js';
import { MAX_CHART_POINTS, type CandlePoint, type LinePoint } from './chart-points.js';
import { pickChartTimes } from './chart-time.js';
import { downsampleLine } from './downsample-line.js';
import { pricePrecision } from './price-precision.js';
import { buildTradeMarkers, type TradeMarker } from './trade-markers.js';

/** What the page's script draws: ready-made lightweight-charts data, so the browser only hands it over. */
export interface ReportChartData {
  readonly equity: LinePoint[];
  readonly drawdownPercent: LinePoint[];
  readonly candles: CandlePoint[];
  readonly markers: TradeMarker[];
  /** Decimals on the price chart's axis. */
  readonly pricePrecision: number;
  /** The equity level the equity chart's baseline sits at: above it is profit. */
  readonly startingCash: number;
  readonly reduction: ChartReduction;
}

/** How much the long-run reduction thinned each chart, for the note the page shows when it happened. */
export interface ChartReduction {
  readonly equityPoints: { readonly from: number; readonly to: number };
  readonly candles: { readonly from: number; readonly to: number; readonly barsPerCandle: number };
}

function linePoints(
  seconds: readonly number[],
  indices: readonly number[],
  values: NumberColumn,
): LinePoint[] {
  return indices.map((index, position) => ({ time: seconds[position]!, value: values[index] ?? Number.NaN }));
}

const isDrawable = (point: LinePoint): boolean => Number.isFinite(point.value);

/**
 * Turns a run into chart data: times to unique seconds, drawdown to a negative percent (a drawdown is
 * drawn as an area below zero), and series longer than MAX_CHART_POINTS reduced so the page stays light.
 */
export function buildReportChartData(
  data: BacktestReportData,
  maxPoints = MAX_CHART_POINTS,
): ReportChartData {
  const equityTimes = pickChartTimes(data.equity.time);
  const equityLine = linePoints(equityTimes.seconds, equityTimes.indices, data.equity.equity).filter(
    isDrawable,
  );
  const drawdownLine = linePoints(equityTimes.seconds, equityTimes.indices, data.drawdown)
    .map((point) => ({ time: point.time, value: -point.value * 100 }))
    .filter(isDrawable);

  const candleTimes = pickChartTimes(data.candles.time);
  const bars: CandlePoint[] = candleTimes.indices
    .map((index, position) => ({
      time: candleTimes.seconds[position]!,
      open: data.candles.open[index] ?? Number.NaN,
      high: data.candles.high[index] ?? Number.NaN,
      low: data.candles.low[index] ?? Number.NaN,
      close: data.candles.close[index] ?? Number.NaN,
    }))
    // NaN becomes null in JSON, which lightweight-charts rejects: a bar without prices is not drawn.
    .filter((bar) => [bar.open, bar.high, bar.low, bar.close].every(Number.isFinite));
  const aggregated = aggregateCandles(bars, maxPoints);
  const equity = downsampleLine(equityLine, maxPoints);

  return {
    equity,
    drawdownPercent: downsampleLine(drawdownLine, maxPoints),
    candles: aggregated.candles,
    markers: buildTradeMarkers(
      data.trades,
      aggregated.candles.map((candle) => candle.time),
    ),
    pricePrecision: pricePrecision(aggregated.candles),
    startingCash: data.statistics.startingCash,
    reduction: {
      equityPoints: { from: equityLine.length, to: equity.length },
      candles: { from: bars.length, to: aggregated.candles.length, barsPerCandle: aggregated.barsPerCandle },
    },
  };
}
