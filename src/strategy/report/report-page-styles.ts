/** The page's stylesheet: a readable single column, charts at a fixed height (autoSize fills the width). */
export const REPORT_PAGE_STYLES = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; padding: 24px; font: 14px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  color: #1f2937; background: #f8fafc; }
main { max-width: 1200px; margin: 0 auto; }
h1 { font-size: 22px; margin: 0 0 4px; overflow-wrap: anywhere; }
h2 { font-size: 16px; margin: 28px 0 8px; }
section { background: #ffffff; border: 1px solid #e2e8f0; border-radius: 8px; padding: 16px; margin-top: 16px; }
.summary dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 12px 0 0; }
.summary dt { color: #64748b; }
.summary dd { margin: 0; overflow-wrap: anywhere; }
.parameters { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 13px; }
.note { background: #fffbeb; border: 1px solid #fcd34d; border-radius: 6px; padding: 8px 12px; margin-top: 12px; }
.chart { height: 320px; width: 100%; position: relative; }
.chart.small { height: 200px; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { padding: 4px 8px; border-bottom: 1px solid #f1f5f9; text-align: right; white-space: nowrap; }
th:first-child, td:first-child { text-align: left; }
.statistics { max-width: 480px; }
.statistics th { font-weight: normal; color: #475569; }
.trades-scroll { overflow-x: auto; max-height: 640px; overflow-y: auto; }
.trades thead th { position: sticky; top: 0; background: #ffffff; }
.trade.win td:nth-child(8) { color: #15803d; }
.trade.loss td:nth-child(8) { color: #b91c1c; }
.empty { color: #64748b; }
`;
