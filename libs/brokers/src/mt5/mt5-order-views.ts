import { dec, toDecimalString } from '../decimal/index.js';
import type { BrokerOrder, Fill, OrderSide, OrderStatus, OrderType, TimeInForce } from '../domain/index.js';
import {
  DEAL_TYPE,
  ORDER_FILLING,
  ORDER_STATE,
  ORDER_TIME,
  TRADE_REASON,
  type TradeDeal,
  type TradeOrder,
} from './bridge/bridge-commands.js';
import type { Mt5ServerClock } from './mt5-server-clock.js';

/** What turning MT5's records into the port's needs beyond the records. */
export interface Mt5ViewContext {
  readonly clock: Mt5ServerClock;
  readonly currency: string;
  /** The client order id Edgerunner sent with the ticket, or what the order's comment says. */
  clientOrderIdOf(ticket: string, comment: string): string;
  /** The time in force Edgerunner sent, when it sent the order. */
  timeInForceOf(ticket: string): TimeInForce | undefined;
}

const TYPES: readonly OrderType[] = [
  'market',
  'market',
  'limit',
  'limit',
  'stop',
  'stop',
  'stop_limit',
  'stop_limit',
];

export function utcIso(clock: Mt5ServerClock, serverMs: number): string {
  return new Date(clock.toUtcMs(serverMs)).toISOString();
}

/** ORDER_TYPE_* even values buy, odd sell (CLOSE_BY and beyond trade at market). */
function sideOf(type: number): OrderSide {
  return type % 2 === 0 ? 'buy' : 'sell';
}

function statusOf(order: TradeOrder, filled: ReturnType<typeof dec>): OrderStatus {
  switch (order.state) {
    case ORDER_STATE.FILLED:
      return 'filled';
    case ORDER_STATE.CANCELED:
      return 'cancelled';
    case ORDER_STATE.REJECTED:
      return 'rejected';
    case ORDER_STATE.EXPIRED:
      return 'expired';
    case ORDER_STATE.PARTIAL:
      return 'partially_filled';
    default:
      return filled.gt(0) ? 'partially_filled' : 'submitted';
  }
}

function timeInForceOf(order: TradeOrder): TimeInForce {
  if (order.type_time === ORDER_TIME.DAY) return 'day';
  if (order.type <= 1 && order.type_filling === ORDER_FILLING.FOK) return 'fok';
  if (order.type <= 1 && order.type_filling === ORDER_FILLING.IOC) return 'ioc';
  return 'gtc';
}

/** The volume-weighted price of the order's deals, or null before any. */
function averagePrice(deals: readonly TradeDeal[]): string | null {
  let volume = dec(0);
  let notional = dec(0);
  for (const deal of deals) {
    volume = volume.plus(deal.volume);
    notional = notional.plus(dec(deal.volume).times(deal.price));
  }
  return volume.gt(0) ? toDecimalString(notional.div(volume)) : null;
}

/**
 * The server closes a position at its SL or TP with an order of its own (ORDER_REASON_SL / _TP): the port's
 * stop-loss or take-profit child of the order that opened the position, whose ticket is the position id.
 */
function roleOf(order: TradeOrder): Pick<BrokerOrder, 'role' | 'parentOrderId'> {
  const role =
    order.reason === TRADE_REASON.SL
      ? 'stop_loss'
      : order.reason === TRADE_REASON.TP
        ? 'take_profit'
        : 'entry';
  const parent = role !== 'entry' && order.position_id !== '0' ? order.position_id : null;
  return { role, parentOrderId: parent };
}

/** A pending or history order as the port's order; `deals` are the order's own deals (may be none). */
export function toBrokerOrder(
  order: TradeOrder,
  deals: readonly TradeDeal[],
  context: Mt5ViewContext,
): BrokerOrder {
  const filled = dec(order.volume_initial).minus(order.volume_current);
  const type = TYPES[order.type] ?? 'market';
  const stopPrice = type === 'stop' || type === 'stop_limit' ? order.price_open : null;
  const price = type === 'limit' ? order.price_open : type === 'stop_limit' ? order.price_stoplimit : null;
  const createdAt = utcIso(context.clock, order.time_setup_msc);
  const own = deals.filter((deal) => deal.order === order.ticket);
  return {
    brokerOrderId: order.ticket,
    clientOrderId: context.clientOrderIdOf(order.ticket, order.comment),
    symbol: order.symbol,
    side: sideOf(order.type),
    type,
    timeInForce: context.timeInForceOf(order.ticket) ?? timeInForceOf(order),
    quantity: toDecimalString(order.volume_initial),
    filledQuantity: toDecimalString(filled),
    averageFillPrice: filled.gt(0) ? (averagePrice(own) ?? toDecimalString(order.price_current)) : null,
    price: price === null ? null : toDecimalString(price),
    stopPrice: stopPrice === null ? null : toDecimalString(stopPrice),
    status: statusOf(order, filled),
    ...roleOf(order),
    rejectReason: null,
    createdAt,
    updatedAt: order.time_done_msc > 0 ? utcIso(context.clock, order.time_done_msc) : createdAt,
  };
}

/** Buy and sell deals are executions; balance, credit and commission deals are not. */
export function isExecution(deal: TradeDeal): boolean {
  return (deal.type === DEAL_TYPE.BUY || deal.type === DEAL_TYPE.SELL) && deal.order !== '0';
}

/** A deal as the port's fill; MT5 books commission and fee as negative money, the port as a positive fee. */
export function toFill(deal: TradeDeal, orderComment: string, context: Mt5ViewContext): Fill {
  return {
    executionId: deal.ticket,
    brokerOrderId: deal.order,
    clientOrderId: context.clientOrderIdOf(deal.order, orderComment),
    symbol: deal.symbol,
    side: deal.type === DEAL_TYPE.BUY ? 'buy' : 'sell',
    quantity: toDecimalString(deal.volume),
    price: toDecimalString(deal.price),
    fee: toDecimalString(dec(deal.commission).plus(deal.fee).times(-1)),
    feeCurrency: context.currency,
    liquidity: 'taker',
    executedAt: utcIso(context.clock, deal.time_msc),
  };
}
