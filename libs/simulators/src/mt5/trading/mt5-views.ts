import type { TradeDeal, TradeOrder, TradePosition } from '#brokers/mt5/bridge/bridge-commands.js';
import type { Mt5ServerTime } from '../mt5-server-time.js';
import { floatingProfit } from './mt5-account.js';
import { closingPrice, money } from './mt5-money.js';
import type { Mt5Deal, Mt5Order, Mt5Position } from './mt5-records.js';
import type { Mt5TradeContext } from './mt5-trade-context.js';
import { volumeDecimals } from './mt5-transactions.js';

/** positions_get's TradePosition; times in server milliseconds, prices with the symbol's digits. */
export function positionView(context: Mt5TradeContext, position: Mt5Position): TradePosition {
  const { symbol } = position;
  const quote = context.market.quote(symbol.name);
  return {
    ticket: position.ticket,
    time_msc: context.time.toServerMs(position.timeMs),
    time_update_msc: context.time.toServerMs(position.timeUpdateMs),
    type: position.type,
    magic: position.magic,
    identifier: position.identifier,
    reason: position.reason,
    volume: position.volume.toFixed(volumeDecimals(symbol.volumeStep)),
    price_open: position.priceOpen.toFixed(symbol.digits),
    sl: position.sl.toFixed(symbol.digits),
    tp: position.tp.toFixed(symbol.digits),
    price_current: closingPrice(quote, position.type === 0).toFixed(symbol.digits),
    swap: '0.00',
    profit: money(floatingProfit(context, position)),
    symbol: symbol.name,
    comment: position.comment,
  };
}

/** TradeOrder of orders_get (live) and history_orders_get (finished). */
export function orderView(context: Mt5TradeContext, order: Mt5Order): TradeOrder {
  const { symbol } = order;
  const quote = context.market.quote(symbol.name);
  const buy = order.type % 2 === 0;
  const step = volumeDecimals(symbol.volumeStep);
  return {
    ticket: order.ticket,
    time_setup_msc: context.time.toServerMs(order.timeSetupMs),
    time_done_msc: order.timeDoneMs === 0 ? 0 : context.time.toServerMs(order.timeDoneMs),
    time_expiration: order.expiration,
    type: order.type,
    type_time: order.typeTime,
    type_filling: order.typeFilling,
    state: order.state,
    magic: order.magic,
    position_id: order.positionId,
    reason: order.reason,
    volume_initial: order.volumeInitial.toFixed(step),
    volume_current: order.volumeCurrent.toFixed(step),
    price_open: order.priceOpen.toFixed(symbol.digits),
    sl: order.sl.toFixed(symbol.digits),
    tp: order.tp.toFixed(symbol.digits),
    price_current: (buy ? quote.ask : quote.bid).toFixed(symbol.digits),
    price_stoplimit: order.priceStoplimit.toFixed(symbol.digits),
    symbol: symbol.name,
    comment: order.comment,
  };
}

/** TradeDeal of history_deals_get; a balance deal has order "0" and no symbol. */
export function dealView(context: Mt5TradeContext, deal: Mt5Deal): TradeDeal {
  const symbol = context.market.has(deal.symbol) ? context.market.symbol(deal.symbol) : undefined;
  const digits = symbol?.digits ?? 0;
  return {
    ticket: deal.ticket,
    order: deal.order,
    time_msc: context.time.toServerMs(deal.timeMs),
    type: deal.type,
    entry: deal.entry,
    magic: deal.magic,
    position_id: deal.positionId,
    reason: deal.reason,
    volume: deal.volume.toFixed(symbol ? volumeDecimals(symbol.volumeStep) : 2),
    price: deal.price.toFixed(digits),
    commission: '0.00',
    swap: '0.00',
    profit: money(deal.profit),
    fee: '0.00',
    symbol: deal.symbol,
    comment: deal.comment,
  };
}

/** Whether a record's UTC time falls in a server-time range given in seconds (both ends included). */
export function inServerRange(time: Mt5ServerTime, utcMs: number, from: number, to: number): boolean {
  const seconds = time.toServerSeconds(utcMs);
  return seconds >= from && seconds <= to;
}
