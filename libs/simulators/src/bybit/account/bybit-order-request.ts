import type Big from 'big.js';
import type { BybitError } from '../bybit-error.js';
import type { BybitCategory } from '../bybit-simulator-config.js';
import type { BybitInstrument } from '../market/bybit-instrument.js';
import type { BybitInstrumentRegistry } from '../market/bybit-instrument-registry.js';
import {
  type BybitParams,
  categoryParam,
  decimalString,
  optionalString,
  paramsError,
  present,
} from '../rest/bybit-params.js';
import type { BybitOrderType, BybitSide, BybitTimeInForce, BybitTriggerBy } from './bybit-order.js';
import { checkNotional, checkQty, checkSpotValue, limitPrice } from './bybit-order-amounts.js';
import { orderErrors, type OrderErrors } from './bybit-order-codes.js';
import { conditional, type PriceReference, takeProfitStopLoss } from './bybit-order-conditions.js';
import { unsupportedFeatures } from './bybit-unsupported-params.js';

/** A `/v5/order/create` body that passed every check that needs no account state. */
export interface BybitOrderRequest {
  readonly category: BybitCategory;
  readonly instrument: BybitInstrument;
  readonly side: BybitSide;
  readonly orderType: BybitOrderType;
  readonly qty: Big;
  readonly marketUnit: '' | 'baseCoin' | 'quoteCoin';
  readonly price: Big | null;
  readonly timeInForce: BybitTimeInForce;
  readonly orderLinkId: string;
  readonly reduceOnly: boolean;
  readonly closeOnTrigger: boolean;
  readonly triggerPrice: Big | null;
  readonly triggerDirection: 0 | 1 | 2;
  readonly triggerBy: BybitTriggerBy | '';
  readonly takeProfit: Big | null;
  readonly stopLoss: Big | null;
  readonly tpTriggerBy: BybitTriggerBy | '';
  readonly slTriggerBy: BybitTriggerBy | '';
}

const SIDES: readonly string[] = ['Buy', 'Sell'];
const ORDER_TYPES: readonly string[] = ['Market', 'Limit'];
const TIMES_IN_FORCE: readonly string[] = ['GTC', 'IOC', 'FOK', 'PostOnly'];
/** docs/v5/order/create-order.mdx: at most 36 of letters, digits, dashes and underscores. */
const ORDER_LINK_ID = /^[A-Za-z0-9_-]{1,36}$/;

/**
 * Parses and checks an order the way Bybit refuses one before it reaches the book, in Bybit's order of
 * concerns: what is traded, how much, at what price, under which conditions. Each refusal carries the
 * category's own code.
 */
export function parseOrderRequest(
  params: BybitParams,
  registry: BybitInstrumentRegistry,
  prices: PriceReference,
): BybitOrderRequest {
  const category = categoryParam(params);
  const errors = orderErrors(category);
  const spot = category === 'spot';
  const symbol = optionalString(params, 'symbol');
  if (symbol === undefined) throw errors.empty('symbol');
  const instrument = registry.find(category, symbol);
  if (!instrument) throw errors.symbol();
  const side = enumParam(params, 'side', SIDES, errors.empty, errors.side) as BybitSide;
  const orderType = enumParam(
    params,
    'orderType',
    ORDER_TYPES,
    errors.empty,
    errors.orderType,
  ) as BybitOrderType;
  const timeInForce = timeInForceOf(params, orderType, errors);
  if (present(params, 'qty') === undefined) throw errors.empty('qty');
  const qty = decimalString(params, 'qty', () => errors.invalid('qty'));
  if (!qty || qty.lte(0)) throw errors.qtyNotPositive();
  const orderLinkId = optionalString(params, 'orderLinkId') ?? '';
  if (orderLinkId !== '' && !ORDER_LINK_ID.test(orderLinkId)) throw errors.invalid('orderLinkId');
  unsupportedFeatures(params, spot, errors);
  const marketUnit = spot && orderType === 'Market' ? marketUnitOf(params, side, errors) : '';
  const price = orderType === 'Limit' ? limitPrice(params, instrument, errors) : null;
  checkQty(instrument, orderType, marketUnit, qty, errors);

  const reduceOnly = spot ? false : flag(params, 'reduceOnly');
  const closeOnTrigger = spot ? false : flag(params, 'closeOnTrigger');
  if (!spot) positionIdx(params);
  const trigger = spot ? null : conditional(params, instrument, prices);
  const last = prices.last(instrument);
  const reference = price ?? trigger?.price ?? last;
  if (!(spot || reduceOnly)) checkNotional(instrument, qty, reference, errors);
  if (spot) checkSpotValue(instrument, orderType, marketUnit, qty, price, last, errors);
  const exits = spot ? null : takeProfitStopLoss(params, instrument, side, reference, reduceOnly);
  return {
    category,
    instrument,
    side,
    orderType,
    qty,
    marketUnit,
    price,
    timeInForce,
    orderLinkId,
    reduceOnly,
    closeOnTrigger,
    triggerPrice: trigger?.price ?? null,
    triggerDirection: trigger?.direction ?? 0,
    triggerBy: trigger?.by ?? '',
    takeProfit: exits?.takeProfit ?? null,
    stopLoss: exits?.stopLoss ?? null,
    tpTriggerBy: exits?.takeProfit ? exits.tpTriggerBy : '',
    slTriggerBy: exits?.stopLoss ? exits.slTriggerBy : '',
  };
}

function enumParam(
  params: BybitParams,
  name: string,
  allowed: readonly string[],
  empty: (name: string) => BybitError,
  invalid: () => BybitError,
): string {
  const value = present(params, name);
  if (value === undefined) throw empty(name);
  if (typeof value !== 'string' || !allowed.includes(value)) throw invalid();
  return value;
}

/** "Market order will always use IOC"; GTC when not passed. RPI is for approved market makers only. */
function timeInForceOf(
  params: BybitParams,
  orderType: BybitOrderType,
  errors: OrderErrors,
): BybitTimeInForce {
  const value = present(params, 'timeInForce');
  if (value === 'RPI') throw errors.rpi();
  if (value !== undefined && (typeof value !== 'string' || !TIMES_IN_FORCE.includes(value)))
    throw errors.timeInForce();
  if (orderType === 'Market') return 'IOC';
  return (value as BybitTimeInForce | undefined) ?? 'GTC';
}

/** Spot market orders count a Buy in quote coin and a Sell in base coin unless `marketUnit` says otherwise. */
function marketUnitOf(params: BybitParams, side: BybitSide, errors: OrderErrors): 'baseCoin' | 'quoteCoin' {
  const value = present(params, 'marketUnit');
  if (value === undefined) return side === 'Buy' ? 'quoteCoin' : 'baseCoin';
  if (value !== 'baseCoin' && value !== 'quoteCoin') throw errors.invalid('marketUnit');
  return value;
}

function flag(params: BybitParams, name: string): boolean {
  const value = present(params, name);
  if (value === undefined) return false;
  if (typeof value !== 'boolean') throw paramsError(`${name} invalid`);
  return value;
}

/** One-way mode only: positionIdx 0 (or absent). */
function positionIdx(params: BybitParams): void {
  const value = present(params, 'positionIdx');
  if (value === undefined || value === 0) return;
  // The wording Bybit uses when the index does not fit the account's position mode.
  if (value === 1 || value === 2) throw paramsError('position idx not match position mode');
  throw paramsError('positionIdx invalid');
}
