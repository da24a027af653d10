import type { ClosedTrade } from '#backtest/engine/closed-trade.js';

import {
  formatCount,
  formatMoney,
  formatPercent,
  formatPrice,
  formatSignedMoney,
  formatTimestamp,
} from './format-report-values.js';
import { escapeHtml } from './html-escape.js';

const HEADERS = [
  '#',
  'Side',
  'Quantity',
  'Entry time',
  'Entry price',
  'Exit time',
  'Exit price',
  'PnL',
  'Return',
  'Fees',
  'Bars',
  'MAE',
  'MFE',
];

function tradeCells(trade: ClosedTrade, number: number): string[] {
  return [
    String(number),
    trade.direction === 'long' ? 'Long' : 'Short',
    formatCount(trade.quantity),
    formatTimestamp(trade.entryTime),
    formatPrice(trade.entryPrice),
    // An open trade was valued at the last close, not exited: say so rather than show an exit.
    trade.open ? 'open at end' : formatTimestamp(trade.exitTime),
    formatPrice(trade.exitPrice),
    formatSignedMoney(trade.pnl),
    formatPercent(trade.returnFraction),
    formatMoney(trade.fees),
    formatCount(trade.bars),
    formatMoney(trade.mae),
    formatMoney(trade.mfe),
  ];
}

/** One row per trade, in the order the run closed them; a row's class says whether it won or lost. */
export function renderTradesTable(trades: readonly ClosedTrade[]): string {
  if (trades.length === 0) return '<p class="empty">The run made no trades.</p>';
  const head = `<thead><tr>${HEADERS.map((header) => `<th scope="col">${header}</th>`).join('')}</tr></thead>`;
  const rows = trades.map((trade, index) => {
    const outcome = trade.pnl > 0 ? 'win' : trade.pnl < 0 ? 'loss' : 'flat';
    const cells = tradeCells(trade, index + 1)
      .map((cell) => `<td>${escapeHtml(cell)}</td>`)
      .join('');
    return `<tr class="trade ${outcome}">${cells}</tr>`;
  });
  return `<table class="trades">${head}<tbody>\n${rows.join('\n')}\n</tbody></table>`;
}
