import { dec, toDecimalString } from '../decimal/index.js';
import type { AccountSummary, Position } from '../domain/index.js';
import type { AccountInfo, SymbolInfo, TradePosition } from './bridge/bridge-commands.js';
import type { Mt5ServerClock } from './mt5-server-clock.js';
import { utcIso } from './mt5-order-views.js';

const POSITION_BUY = 0;

/**
 * The margin a position holds in the account currency, as MT5's Forex formula has it: volume × contract
 * size ÷ leverage in the margin currency, times the price when only the profit currency is the account's.
 * CFD and exchange formulas differ per symbol; the account's total margin (account_info) is exact.
 */
function marginOf(position: TradePosition, symbol: SymbolInfo | undefined, info: AccountInfo): Big.Big {
  if (!symbol || info.leverage <= 0) return dec(0);
  const base = dec(position.volume).times(symbol.trade_contract_size).div(info.leverage);
  return symbol.currency_margin === info.currency ? base : base.times(position.price_open);
}

/**
 * The port's net position per symbol from MT5's positions: one on a netting account; on a hedging account
 * every ticket on the symbol summed (long volume minus short), at the volume-weighted price of the side that
 * remains, with every ticket's floating profit and swap.
 */
export function toPositions(
  positions: readonly TradePosition[],
  symbols: ReadonlyMap<string, SymbolInfo>,
  info: AccountInfo,
  clock: Mt5ServerClock,
): Position[] {
  const bySymbol = new Map<string, TradePosition[]>();
  for (const position of positions)
    bySymbol.set(position.symbol, [...(bySymbol.get(position.symbol) ?? []), position]);
  return [...bySymbol].map(([symbol, tickets]) => {
    let quantity = dec(0);
    let profit = dec(0);
    let margin = dec(0);
    let longVolume = dec(0);
    let shortVolume = dec(0);
    let longNotional = dec(0);
    let shortNotional = dec(0);
    let updatedMs = 0;
    for (const ticket of tickets) {
      const volume = dec(ticket.volume);
      if (ticket.type === POSITION_BUY) {
        longVolume = longVolume.plus(volume);
        longNotional = longNotional.plus(volume.times(ticket.price_open));
      } else {
        shortVolume = shortVolume.plus(volume);
        shortNotional = shortNotional.plus(volume.times(ticket.price_open));
      }
      quantity = ticket.type === POSITION_BUY ? quantity.plus(volume) : quantity.minus(volume);
      profit = profit.plus(ticket.profit).plus(ticket.swap);
      margin = margin.plus(marginOf(ticket, symbols.get(symbol), info));
      updatedMs = Math.max(updatedMs, ticket.time_update_msc, ticket.time_msc);
    }
    const [volume, notional] = quantity.gte(0) ? [longVolume, longNotional] : [shortVolume, shortNotional];
    return {
      symbol,
      side: quantity.gt(0) ? 'long' : quantity.lt(0) ? 'short' : 'flat',
      quantity: toDecimalString(quantity),
      averagePrice: volume.gt(0) ? toDecimalString(notional.div(volume)) : '0',
      markPrice: toDecimalString(tickets[0]!.price_current),
      unrealizedPnl: toDecimalString(profit),
      realizedPnl: '0',
      marginUsed: toDecimalString(margin.round(2)),
      updatedAt: utcIso(clock, updatedMs),
    } satisfies Position;
  });
}

/** account_info as the port's summary; `realizedPnl` is what closing deals booked since the server's midnight. */
export function toAccountSummary(
  account: string,
  info: AccountInfo,
  realizedToday: Big.Big,
  updatedAt: string,
): AccountSummary {
  return {
    account,
    currency: info.currency,
    balance: toDecimalString(info.balance),
    equity: toDecimalString(info.equity),
    marginUsed: toDecimalString(info.margin),
    marginFree: toDecimalString(info.margin_free),
    unrealizedPnl: toDecimalString(info.profit),
    realizedPnl: toDecimalString(realizedToday),
    updatedAt,
  };
}
