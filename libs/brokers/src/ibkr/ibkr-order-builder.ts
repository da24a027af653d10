import { OrderAction, OrderType, TimeInForce, type Order } from '@stoqey/ib';
import { dec, roundToStep, toDecimalString } from '../decimal/index.js';
import {
  oppositeSide,
  type Instrument,
  type OrderRequest,
  type OrderRole,
  type OrderSide,
  type OrderType as DomainOrderType,
  type TimeInForce as DomainTimeInForce,
} from '../domain/index.js';
import { InvalidOrderError } from '../errors/index.js';

/** One order message of a placement: a plain order, or one leg of a bracket. */
export interface IbkrOrderLeg {
  readonly orderId: number;
  readonly role: OrderRole;
  /** The leg's orderRef: the request's client order id, with `-tp`/`-sl` for bracket children. */
  readonly clientOrderId: string;
  readonly order: Order;
}

const TYPES: Readonly<Record<DomainOrderType, OrderType>> = {
  market: OrderType.MKT,
  limit: OrderType.LMT,
  stop: OrderType.STP,
  stop_limit: OrderType.STP_LMT,
  trailing_stop: OrderType.TRAIL,
};

const TIFS: Readonly<Record<DomainTimeInForce, Order['tif']>> = {
  gtc: TimeInForce.GTC,
  day: TimeInForce.DAY,
  ioc: TimeInForce.IOC,
  fok: TimeInForce.FOK,
};

/** Suffixes of the bracket children's orderRef, as the paper broker names its children. */
export const CHILD_SUFFIX = { take_profit: '-tp', stop_loss: '-sl' } as const;

const action = (side: OrderSide): OrderAction => (side === 'buy' ? OrderAction.BUY : OrderAction.SELL);

/**
 * A decimal on the instrument's grid, as the number the library writes with String(): parsed from the
 * rounded decimal string, never computed in floating point (0.1 + 0.2 would go out as
 * 0.30000000000000004 and TWS refuses it with 110).
 */
export function onGrid(value: string, step: string, direction: 'down' | 'nearest'): number {
  const rounded = roundToStep(value, step, direction);
  return Number(toDecimalString(rounded));
}

function requirePrice(value: string | undefined, what: string): string {
  if (value === undefined) throw new InvalidOrderError(`${what} is required`, { broker: 'ibkr' });
  return value;
}

/** Order ids of one placement: the entry's, and the children's when it is a bracket. */
export interface IbkrLegIds {
  readonly entry: number;
  readonly takeProfit?: number;
  readonly stopLoss?: number;
}

export function isBracket(request: OrderRequest): boolean {
  return request.takeProfit !== undefined || request.stopLoss !== undefined;
}

/**
 * The IB orders of a request, in the order they must be sent. `transmit` is set on every leg (the
 * library sends an unset one as "", and TWS then keeps the order without ever transmitting it): a
 * bracket holds back every leg but the last, so TWS releases the parent and its children together.
 */
export function buildIbkrOrders(
  request: OrderRequest,
  instrument: Instrument,
  accountCode: string,
  ids: IbkrLegIds,
): IbkrOrderLeg[] {
  if (instrument.assetClass === 'crypto' && request.type === 'market' && request.side === 'buy') {
    // IB takes a crypto market buy only as a cash amount (cashQty), which would make the quantity bought
    // a guess; refused here rather than by TWS (10289), with the way that keeps the quantity exact.
    throw new InvalidOrderError(
      `IB takes a crypto market buy only as a cash amount; place ${request.symbol} as a limit order at or above the ask instead`,
      { broker: 'ibkr' },
    );
  }
  const quantity = onGrid(request.quantity, instrument.lotSize, 'down');
  if (!(quantity > 0) || dec(String(quantity)).lt(instrument.minQuantity)) {
    throw new InvalidOrderError(
      `quantity ${request.quantity} is below the minimum ${instrument.minQuantity} of ${request.symbol}`,
      { broker: 'ibkr' },
    );
  }
  const price = (value: string): number => onGrid(value, instrument.tickSize, 'nearest');
  const entry: Order = {
    orderType: TYPES[request.type],
    action: action(request.side),
    totalQuantity: quantity,
    tif: TIFS[request.timeInForce],
    account: accountCode,
    orderRef: request.clientOrderId,
    transmit: true,
  };
  if (request.type === 'limit' || request.type === 'stop_limit') {
    entry.lmtPrice = price(requirePrice(request.price, `a ${request.type} order's price`));
  }
  if (request.type === 'stop' || request.type === 'stop_limit') {
    entry.auxPrice = price(requirePrice(request.stopPrice, `a ${request.type} order's stop price`));
  }
  if (request.type === 'trailing_stop') {
    // TRAIL: auxPrice is the trailing amount; TWS sets the first stop from the market.
    entry.auxPrice = price(requirePrice(request.trailingAmount, "a trailing stop's trailing amount"));
  }
  const legs: IbkrOrderLeg[] = [
    { orderId: ids.entry, role: 'entry', clientOrderId: request.clientOrderId, order: entry },
  ];
  if (!isBracket(request)) return legs;

  // Children are protective orders: they outlive the day, and an IOC/FOK entry says nothing about them.
  const childTif = request.timeInForce === 'day' ? TimeInForce.DAY : TimeInForce.GTC;
  const child = (role: 'take_profit' | 'stop_loss', orderId: number | undefined, fields: Partial<Order>) => {
    if (orderId === undefined) throw new Error(`no order id for the ${role} leg`);
    const clientOrderId = `${request.clientOrderId}${CHILD_SUFFIX[role]}`;
    const order: Order = {
      orderType: OrderType.LMT,
      action: action(oppositeSide(request.side)),
      totalQuantity: quantity,
      tif: childTif,
      account: accountCode,
      orderRef: clientOrderId,
      parentId: ids.entry,
      // One child filling cancels the other; IB links a bracket's children too, this makes it explicit.
      ocaGroup: `oca-${ids.entry}`,
      ocaType: 1,
      transmit: false,
      ...fields,
    };
    legs.push({ orderId, role, clientOrderId, order });
  };
  if (request.takeProfit !== undefined) {
    child('take_profit', ids.takeProfit, { orderType: OrderType.LMT, lmtPrice: price(request.takeProfit) });
  }
  if (request.stopLoss !== undefined) {
    child('stop_loss', ids.stopLoss, { orderType: OrderType.STP, auxPrice: price(request.stopLoss) });
  }
  for (const [index, leg] of legs.entries()) leg.order.transmit = index === legs.length - 1;
  return legs;
}
