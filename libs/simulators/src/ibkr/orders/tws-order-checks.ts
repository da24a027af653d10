import { dec, isMultipleOf } from '../../paper-engine.js';
import type { TwsPlaceOrder } from '../protocol/incoming/tws-place-order.js';
import type { TwsInstrumentConfig } from '../tws-simulator-config.js';
import { TWS_ORDER_TYPES, type TwsOrderType } from './tws-order-record.js';

/** Why TWS refuses an order: IB's error code and text, sent as ERR_MSG with the order's id. */
export interface TwsRefusal {
  readonly code: number;
  readonly message: string;
}

const TIMES_IN_FORCE = new Set(['DAY', 'GTC', 'IOC', 'FOK']);
const ACTIONS = new Set(['BUY', 'SELL', 'SSHORT']);

const refuse = (code: number, message: string): TwsRefusal => ({ code, message });

/** The order types the simulator works; TWS has more, which it refuses as not simulated here. */
export function isSimulatedType(orderType: string): orderType is TwsOrderType {
  return (TWS_ORDER_TYPES as readonly string[]).includes(orderType);
}

/**
 * The checks TWS makes before an order reaches the market, with IB's codes: the quantity against the
 * contract's size rules, the prices against its minimum tick, and the fields each order type needs.
 */
export function checkOrderTerms(
  order: TwsPlaceOrder,
  instrument: TwsInstrumentConfig,
): TwsRefusal | undefined {
  if (!ACTIONS.has(order.action))
    return refuse(321, `Error validating request: invalid action '${order.action}'`);
  if (!isSimulatedType(order.orderType))
    return refuse(387, `Unsupported order type for this exchange and security type: ${order.orderType}`);
  if (!TIMES_IN_FORCE.has(order.tif))
    return refuse(201, `Order rejected - reason:Invalid time in force '${order.tif}' for this order`);
  if (order.whatIf || order.comboLegs > 0 || order.conditions > 0)
    return refuse(201, 'Order rejected - reason:what-if, combo and conditional orders are not simulated');
  const quantity = order.totalQuantity ?? '0';
  if (dec(quantity).lte(0)) return refuse(434, 'The order size cannot be zero.');
  if (dec(quantity).lt(instrument.minSize))
    return refuse(
      388,
      `Order size ${quantity} is smaller than the minimum required size of ${instrument.minSize}.`,
    );
  if (!isMultipleOf(quantity, instrument.sizeIncrement))
    return refuse(
      10318,
      `The order size ${quantity} is not a multiple of the size increment ${instrument.sizeIncrement}.`,
    );
  return checkPrices(order, instrument);
}

function checkPrices(order: TwsPlaceOrder, instrument: TwsInstrumentConfig): TwsRefusal | undefined {
  const needsLimit = order.orderType === 'LMT' || order.orderType === 'STP LMT';
  const needsAux = order.orderType === 'STP' || order.orderType === 'STP LMT';
  if (needsLimit && order.lmtPrice === undefined)
    return refuse(321, `Error validating request: ${order.orderType} order needs a limit price`);
  if (needsAux && order.auxPrice === undefined)
    return refuse(321, `Error validating request: ${order.orderType} order needs a stop price`);
  if (order.orderType === 'TRAIL' && order.auxPrice === undefined && order.trailingPercent === undefined)
    return refuse(321, 'Error validating request: TRAIL order needs a trailing amount or a trailing percent');
  const prices = [needsLimit ? order.lmtPrice : undefined, order.auxPrice, order.trailStopPrice];
  for (const price of prices) {
    if (price === undefined) continue;
    if (dec(price).lte(0) && order.orderType !== 'TRAIL')
      return refuse(321, `Error validating request: price ${price} must be positive`);
    if (!isMultipleOf(price, instrument.minTick))
      return refuse(110, 'The price does not conform to the minimum price variation for this contract.');
  }
  return undefined;
}

/**
 * IB's cash-quantity rules: a crypto market buy must name its cash amount (10289), and an order that names
 * a cash amount may not name a size too (10293). The book then turns the cash amount into a size.
 */
export function checkCashQuantity(
  order: TwsPlaceOrder,
  instrument: TwsInstrumentConfig,
): TwsRefusal | undefined {
  const hasSize = order.totalQuantity !== undefined && dec(order.totalQuantity).gt(0);
  if (order.cashQty !== undefined && hasSize)
    return refuse(10293, 'Cash Quantity order cannot specify size.');
  if (
    instrument.secType === 'CRYPTO' &&
    order.orderType === 'MKT' &&
    order.action === 'BUY' &&
    order.cashQty === undefined
  )
    return refuse(10289, 'Crypto market buy orders require a cash quantity (cashQty).');
  return undefined;
}
