import type { AccountInfo } from '#brokers/mt5/bridge/bridge-commands.js';
import { ACCOUNT_MARGIN_MODE } from '#brokers/mt5/bridge/bridge-commands.js';
import type { BridgeCommand } from '#brokers/mt5/bridge/bridge-protocol.js';
import { accountState } from '../trading/mt5-account.js';
import { money } from '../trading/mt5-money.js';
import type { Mt5OrderDesk } from '../trading/mt5-order-desk.js';
import type { Mt5Deal, Mt5Order } from '../trading/mt5-records.js';
import type { Mt5TradeContext } from '../trading/mt5-trade-context.js';
import { dealView, inServerRange, orderView, positionView } from '../trading/mt5-views.js';
import type { Mt5CommandHandler } from './mt5-command-handler.js';
import { integer, optionalText, optionalTicket } from './mt5-params.js';

type Params = Readonly<Record<string, unknown>>;

function accountInfo(context: Mt5TradeContext): AccountInfo {
  const { config } = context;
  const state = accountState(context);
  return {
    login: config.login,
    trade_mode: 0,
    leverage: config.leverage,
    limit_orders: 200,
    margin_mode:
      config.marginMode === 'hedging'
        ? ACCOUNT_MARGIN_MODE.RETAIL_HEDGING
        : ACCOUNT_MARGIN_MODE.RETAIL_NETTING,
    currency_digits: 2,
    trade_allowed: config.tradeAllowed,
    trade_expert: true,
    balance: money(state.balance),
    credit: '0.00',
    profit: money(state.profit),
    equity: money(state.equity),
    margin: money(state.margin),
    margin_free: money(state.marginFree),
    margin_level: state.marginLevel.eq(0) ? '0' : money(state.marginLevel),
    name: config.name,
    server: config.server,
    currency: config.currency,
    company: config.company,
  };
}

/** `{symbol?}` or `{ticket}`, as positions_get / orders_get filter. */
function bySymbolOrTicket<T extends { ticket: string; symbol: { name: string } }>(
  items: readonly T[],
  params: Params,
): T[] {
  const ticket = optionalTicket(params, 'ticket');
  const symbol = optionalText(params, 'symbol');
  return items.filter(
    (item) =>
      (ticket === undefined || item.ticket === ticket) &&
      (symbol === undefined || item.symbol.name === symbol),
  );
}

/** history_*_get: `{date_from, date_to}` in server seconds, `{ticket}` or `{position}`. */
function historyFilter(context: Mt5TradeContext, params: Params): (record: Mt5Deal | Mt5Order) => boolean {
  const ticket = optionalTicket(params, 'ticket');
  if (ticket !== undefined) return (record) => record.ticket === ticket;
  const position = optionalTicket(params, 'position');
  if (position !== undefined) return (record) => record.positionId === position;
  const from = integer(params, 'date_from');
  const to = integer(params, 'date_to');
  return (record) => {
    const utcMs = 'timeMs' in record ? record.timeMs : record.timeDoneMs;
    return inServerRange(context.time, utcMs, from, to);
  };
}

export function tradeCommands(
  context: Mt5TradeContext,
  desk: Mt5OrderDesk,
): [BridgeCommand, Mt5CommandHandler][] {
  const { book } = context;
  return [
    ['account_info', () => accountInfo(context)],
    [
      'positions_get',
      (params) => bySymbolOrTicket(book.positions, params).map((p) => positionView(context, p)),
    ],
    [
      'orders_get',
      (params) => bySymbolOrTicket([...book.pending.values()], params).map((o) => orderView(context, o)),
    ],
    ['order_send', (params, session) => desk.send(params, session.nextRequestId())],
    [
      'history_deals_get',
      (params) => book.deals.filter(historyFilter(context, params)).map((d) => dealView(context, d)),
    ],
    [
      'history_orders_get',
      (params) => book.historyOrders.filter(historyFilter(context, params)).map((o) => orderView(context, o)),
    ],
  ];
}
