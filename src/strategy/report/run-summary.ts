import type { BacktestReportData } from './backtest-report-data.js';
import type { ChartReduction } from './report-chart-data.js';
import { formatCount, formatIsoTimestamp, MISSING_VALUE } from './format-report-values.js';
import { escapeHtml } from './html-escape.js';

/** A parameter's value as a person would write it: strings bare, everything else as JSON. */
function describeParameterValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return MISSING_VALUE;
  if (typeof value === 'bigint') return value.toString();
  try {
    // undefined for a function or symbol, which a parameter schema does not produce; show the type then.
    return JSON.stringify(value) ?? typeof value;
  } catch {
    return typeof value; // a cycle: the value cannot be written out
  }
}

function renderParameters(parameters: Readonly<Record<string, unknown>>): string {
  const entries = Object.entries(parameters);
  if (entries.length === 0) return MISSING_VALUE;
  return entries
    .map(([name, value]) => `${escapeHtml(name)} = ${escapeHtml(describeParameterValue(value))}`)
    .join('<br>');
}

/** The header: which strategy ran, with what, on what, over which range. */
export function renderRunSummary(data: BacktestReportData): string {
  const facts: [string, string][] = [
    ['Run', escapeHtml(data.id)],
    ['Symbol', escapeHtml(data.symbol)],
    ['Timeframe', escapeHtml(data.timeframe)],
    [
      'Range',
      `${escapeHtml(formatIsoTimestamp(data.from))} → ${escapeHtml(formatIsoTimestamp(data.to))} UTC`,
    ],
    ['Parameters', `<span class="parameters">${renderParameters(data.parameters)}</span>`],
    ['Created', `${escapeHtml(formatIsoTimestamp(data.createdAt))} UTC`],
  ];
  const list = facts.map(([term, description]) => `<dt>${term}</dt><dd>${description}</dd>`).join('\n');
  return `<section class="summary">
<h1 id="strategy-name">${escapeHtml(data.strategy)}</h1>
<dl>
${list}
</dl>
</section>`;
}

/** Says which charts show fewer points than the run has, and how; empty when none do. */
export function renderReductionNote(reduction: ChartReduction): string {
  const notes: string[] = [];
  const { equityPoints, candles } = reduction;
  if (equityPoints.to < equityPoints.from) {
    notes.push(
      `The equity and drawdown charts show ${formatCount(equityPoints.to)} of ${formatCount(equityPoints.from)} ` +
        'points (each stretch keeps its first, lowest, highest and last point).',
    );
  }
  if (candles.barsPerCandle > 1) {
    notes.push(
      `The price chart merges every ${formatCount(candles.barsPerCandle)} bars into one candle ` +
        `(${formatCount(candles.to)} candles for ${formatCount(candles.from)} bars); trade markers sit on the candle holding the fill.`,
    );
  }
  if (notes.length === 0) return '';
  return `<p class="note" id="downsampling-note">Long run: ${notes.join(' ')}</p>`;
}
