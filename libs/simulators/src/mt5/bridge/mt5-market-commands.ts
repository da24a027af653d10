import type { BridgeCommand } from '#brokers/mt5/bridge/bridge-protocol.js';
import { MQL_ERROR, Mt5CommandError } from '../mt5-codes.js';
import { buildRates } from '../market/mt5-rates.js';
import { symbolInfoView, tickView } from '../market/mt5-symbol-views.js';
import { mt5Timeframe, type Mt5Timeframe } from '../market/mt5-timeframes.js';
import type { Mt5TradeContext } from '../trading/mt5-trade-context.js';
import type { Mt5CommandHandler } from './mt5-command-handler.js';
import { integer, symbolList, text } from './mt5-params.js';

type Params = Readonly<Record<string, unknown>>;

/** A value outside ENUM_TIMEFRAMES: CopyRates fails with ERR_INVALID_PARAMETER. */
export function timeframeOf(params: Params): Mt5Timeframe {
  const value = integer(params, 'timeframe');
  const timeframe = mt5Timeframe(value);
  if (!timeframe) throw new Mt5CommandError(MQL_ERROR.INVALID_PARAMETER, `Invalid timeframe ${value}`);
  return timeframe;
}

export function marketCommands(context: Mt5TradeContext): [BridgeCommand, Mt5CommandHandler][] {
  const { market, time } = context;
  const info = (name: string): unknown => symbolInfoView(market.symbol(name), market.quote(name), time);
  const rates = (params: Params) => {
    const symbol = market.symbol(text(params, 'symbol'));
    return buildRates(market, time, symbol, timeframeOf(params), context.now());
  };
  return [
    ['symbol_info', (params) => info(text(params, 'symbol'))],
    ['symbols_get', () => market.symbols().map((s) => info(s.name))],
    [
      'symbol_info_tick',
      (params) => {
        const symbol = market.symbol(text(params, 'symbol'));
        return tickView(symbol, market.quote(symbol.name), time);
      },
    ],
    [
      'copy_rates_range',
      async (params) => {
        const [from, to] = [integer(params, 'date_from'), integer(params, 'date_to')];
        return (await rates(params)).filter((bar) => bar.time >= from && bar.time <= to);
      },
    ],
    [
      'copy_rates_from_pos',
      async (params) => {
        const [start, count] = [integer(params, 'start_pos'), integer(params, 'count')];
        const bars = await rates(params);
        if (start < 0 || count <= 0 || start >= bars.length)
          throw new Mt5CommandError(MQL_ERROR.HISTORY_NOT_FOUND, 'No bars at that position');
        // Position 0 is the current, unfinished bar; the answer is still oldest first.
        return bars.slice(Math.max(0, bars.length - start - count), bars.length - start);
      },
    ],
    [
      'subscribe_ticks',
      (params, session) => {
        const names = symbolList(params, 'symbols');
        for (const name of names) market.symbol(name);
        for (const name of names) session.subscriptions.add(name);
        return { symbols: [...session.subscriptions] };
      },
    ],
    [
      'unsubscribe_ticks',
      (params, session) => {
        for (const name of symbolList(params, 'symbols')) session.subscriptions.delete(name);
        return { symbols: [...session.subscriptions] };
      },
    ],
  ];
}
