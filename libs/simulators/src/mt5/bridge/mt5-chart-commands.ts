import type { RunEaResult } from '#brokers/mt5/bridge/bridge-commands.js';
import type { BridgeCommand } from '#brokers/mt5/bridge/bridge-protocol.js';
import { MQL_ERROR, Mt5CommandError } from '../mt5-codes.js';
import type { Mt5TradeContext } from '../trading/mt5-trade-context.js';
import type { Mt5CommandHandler } from './mt5-command-handler.js';
import { text } from './mt5-params.js';
import { timeframeOf } from './mt5-market-commands.js';

/** CHARTS_MAX: ChartOpen fails beyond it. */
const CHARTS_MAX = 100;

/** An expert running on a chart the bridge opened. */
interface Mt5Chart {
  readonly symbol: string;
  readonly expert: string;
}

/**
 * run_ea / stop_ea: ChartOpen + ChartApplyTemplate on a new chart (never the bridge's own), confirmed
 * once CHART_EXPERT_NAME shows the expert; ChartClose. Charts live in the terminal's profile, so they
 * outlive a bridge connection.
 */
export function chartCommands(context: Mt5TradeContext): [BridgeCommand, Mt5CommandHandler][] {
  const charts = new Map<string, Mt5Chart>();
  return [
    [
      'run_ea',
      (params): RunEaResult => {
        const symbol = context.market.symbol(text(params, 'symbol'));
        timeframeOf(params);
        const expert = text(params, 'expert');
        if (params.inputs !== undefined && (typeof params.inputs !== 'object' || params.inputs === null))
          throw new Mt5CommandError(MQL_ERROR.UNREADABLE, 'Invalid parameter "inputs": expected an object');
        if (charts.size >= CHARTS_MAX)
          throw new Mt5CommandError(MQL_ERROR.CHART_WRONG_ID, 'ChartOpen failed: too many charts');
        // A template naming an expert that is not compiled in MQL5\Experts does not apply.
        if (!context.config.installedExperts.includes(expert))
          throw new Mt5CommandError(MQL_ERROR.CHART_TEMPLATE_FAILED, `Expert ${expert} is not installed`);
        const chartId = context.tickets.nextChart();
        charts.set(chartId, { symbol: symbol.name, expert });
        return { chart_id: chartId, expert };
      },
    ],
    [
      'stop_ea',
      (params) => {
        const chartId = text(params, 'chart_id');
        if (!charts.delete(chartId))
          throw new Mt5CommandError(MQL_ERROR.CHART_NOT_FOUND, `Chart ${chartId} not found`);
        return { chart_id: chartId };
      },
    ],
  ];
}
