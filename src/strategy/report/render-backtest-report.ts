import type { BacktestReportData } from './backtest-report-data.js';
import { escapeHtml, serializeJsonForScript } from './html-escape.js';
import { lightweightChartsStandalone } from './lightweight-charts-source.js';
import { buildReportChartData } from './report-chart-data.js';
import { reportContentSecurityPolicy } from './report-content-security-policy.js';
import { reportPageScript } from './report-page-script.js';
import { REPORT_PAGE_STYLES } from './report-page-styles.js';
import { renderReductionNote, renderRunSummary } from './run-summary.js';
import { renderStatisticsTable } from './statistics-table.js';
import { renderTradesTable } from './trades-table.js';

/**
 * The backtest report: one self-contained HTML page (lightweight-charts inlined, no external request)
 * with the run summary, equity, drawdown and price charts with trade markers, the statistics and the
 * trades. Every text from the run is HTML-escaped; the chart data travels as JSON in a data block.
 */
export function renderBacktestReport(data: BacktestReportData): string {
  const library = lightweightChartsStandalone();
  const charts = buildReportChartData(data);
  const embedded = serializeJsonForScript({
    run: {
      id: data.id,
      strategy: data.strategy,
      parameters: data.parameters,
      symbol: data.symbol,
      timeframe: data.timeframe,
      from: data.from,
      to: data.to,
      createdAt: data.createdAt,
    },
    charts,
  });
  const title = `${data.strategy} · ${data.symbol} ${data.timeframe} · backtest ${data.id}`;

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(reportContentSecurityPolicy())}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${REPORT_PAGE_STYLES}</style>
</head>
<body>
<main>
${renderRunSummary(data)}
${renderReductionNote(charts.reduction)}
<section>
<h2>Equity</h2>
<div class="chart" id="equity-chart" data-points="${charts.equity.length}"></div>
<h2>Drawdown</h2>
<div class="chart small" id="drawdown-chart" data-points="${charts.drawdownPercent.length}"></div>
<h2>Price and trades</h2>
<div class="chart" id="price-chart" data-candles="${charts.candles.length}" data-markers="${charts.markers.length}"></div>
</section>
<section>
<h2>Statistics</h2>
${renderStatisticsTable(data.statistics)}
</section>
<section>
<h2>Trades (${data.trades.length})</h2>
<div class="trades-scroll">
${renderTradesTable(data.trades)}
</div>
</section>
</main>
<script type="application/json" id="report-data">${embedded}</script>
<script>${library.source}</script>
<script>${reportPageScript.source}</script>
</body>
</html>
`;
}
