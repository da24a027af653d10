import { inlineScript, type InlineScript } from './lightweight-charts-source.js';

/**
 * The page's own script, run in the browser after lightweight-charts. It is plain ES5-level JavaScript
 * kept as text (not compiled TypeScript) so what runs in the browser is exactly what is written here and
 * its CSP hash is stable. It reads the JSON the server embedded (see ReportChartData) and draws the three
 * charts; window.backtestReport exposes the chart objects so a test or a curious reader can inspect them.
 */
const PAGE_SCRIPT = `
(function () {
  'use strict';
  var LightweightCharts = window.LightweightCharts;
  var report = JSON.parse(document.getElementById('report-data').textContent);
  var charts = report.charts;

  function createChartIn(id) {
    return LightweightCharts.createChart(document.getElementById(id), {
      autoSize: true,
      layout: { background: { type: 'solid', color: '#ffffff' }, textColor: '#1f2937', fontSize: 12 },
      grid: { vertLines: { color: '#f1f5f9' }, horzLines: { color: '#f1f5f9' } },
      rightPriceScale: { borderColor: '#e2e8f0' },
      // A small minimum bar spacing lets fitContent show a whole long run rather than its last stretch.
      timeScale: { borderColor: '#e2e8f0', timeVisible: true, secondsVisible: false, minBarSpacing: 0.01 },
      localization: { locale: 'en-US' }
    });
  }

  var equityChart = createChartIn('equity-chart');
  var equitySeries = equityChart.addSeries(LightweightCharts.BaselineSeries, {
    baseValue: { type: 'price', price: charts.startingCash },
    topLineColor: '#16a34a', topFillColor1: 'rgba(22, 163, 74, 0.28)', topFillColor2: 'rgba(22, 163, 74, 0.04)',
    bottomLineColor: '#dc2626', bottomFillColor1: 'rgba(220, 38, 38, 0.04)', bottomFillColor2: 'rgba(220, 38, 38, 0.28)',
    lineWidth: 2
  });
  equitySeries.setData(charts.equity);
  equityChart.timeScale().fitContent();

  var drawdownChart = createChartIn('drawdown-chart');
  var drawdownSeries = drawdownChart.addSeries(LightweightCharts.BaselineSeries, {
    baseValue: { type: 'price', price: 0 },
    topLineColor: '#dc2626', topFillColor1: 'rgba(220, 38, 38, 0)', topFillColor2: 'rgba(220, 38, 38, 0)',
    bottomLineColor: '#dc2626', bottomFillColor1: 'rgba(220, 38, 38, 0.08)', bottomFillColor2: 'rgba(220, 38, 38, 0.45)',
    lineWidth: 1,
    priceFormat: { type: 'custom', minMove: 0.01, formatter: function (value) { return value.toFixed(2) + '%'; } }
  });
  drawdownSeries.setData(charts.drawdownPercent);
  drawdownChart.timeScale().fitContent();

  var priceChart = createChartIn('price-chart');
  var candleSeries = priceChart.addSeries(LightweightCharts.CandlestickSeries, {
    upColor: '#16a34a', downColor: '#dc2626', borderVisible: false,
    wickUpColor: '#16a34a', wickDownColor: '#dc2626',
    priceFormat: { type: 'price', precision: charts.pricePrecision, minMove: Math.pow(10, -charts.pricePrecision) }
  });
  candleSeries.setData(charts.candles);
  var tradeMarkers = LightweightCharts.createSeriesMarkers(candleSeries, charts.markers);
  priceChart.timeScale().fitContent();

  window.backtestReport = {
    charts: { equity: equityChart, drawdown: drawdownChart, price: priceChart },
    series: { equity: equitySeries, drawdown: drawdownSeries, candles: candleSeries },
    tradeMarkers: tradeMarkers
  };
  document.body.setAttribute('data-charts-ready', 'true');
})();
`;

export const reportPageScript: InlineScript = inlineScript(PAGE_SCRIPT);
