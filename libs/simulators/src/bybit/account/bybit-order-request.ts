import type Big from 'big.js';
import { BybitError } from '../bybit-error.js';
import { RET } from '../bybit-ret-codes.js';
import type { BybitCategory } from '../bybit-simulator-config.js';
import type { BybitInstrument } from '../market/bybit-instrument.js';
import type { BybitInstrumentRegistry } from '../market/bybit-instrument-registry.js';
import { isMultipleOf, toDecimalString } from '../paper-engine.js';
import {
  type BybitParams,
  categoryParam,
  decimalString,
  optionalString,
  paramsError,
  present,
  shown,
} from '../rest/bybit-params.js';
import type { BybitOrderType, BybitSide, BybitTimeInForce, BybitTriggerBy } from './bybit-order.js';
import { orderErrors, type OrderErrors } from './bybit-order-codes.js';

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
const TRIGGER_BY: readonly string[] = ['LastPrice', 'MarkPrice', 'IndexPrice'];
/** docs/v5/order/create-order.mdx: at most 36 of letters, digits, dashes and underscores. */
const ORDER_LINK_ID = /^[A-Za-z0-9_-]{1,36}$/;

/** Reference prices the checks need: Bybit's LastPrice and the mark, per instrument. */
export interface PriceReference {
  last(instrument: BybitInstrument): Big;
  mark(instrument: BybitInstrument): Big;
}

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

function limitPrice(params: BybitParams, instrument: BybitInstrument, errors: OrderErrors): Big {
  if (present(params, 'price') === undefined) throw errors.empty('price');
  const price = decimalString(params, 'price', () => errors.invalid('price'));
  if (!price || price.lte(0)) throw errors.invalid('price');
  if (!isMultipleOf(price, instrument.tickSize)) throw errors.priceOffTick(instrument.tickSize);
  const { minPrice, maxPrice } = instrument;
  if ((minPrice && price.lt(minPrice)) || (maxPrice && price.gt(maxPrice)))
    throw BybitError.of(RET.PRICE_OUT_OF_RANGE);
  return price;
}

/** Step, minimum and maximum of the quantity, per category and order type. */
function checkQty(
  instrument: BybitInstrument,
  orderType: BybitOrderType,
  marketUnit: string,
  qty: Big,
  errors: OrderErrors,
): void {
  if (marketUnit === 'quoteCoin') {
    if (!isMultipleOf(qty, instrument.quotePrecision))
      throw BybitError.of(RET.SPOT_MARKET_AMOUNT_DECIMAL_TOO_LONG);
    return;
  }
  if (!isMultipleOf(qty, instrument.qtyStep)) throw errors.qtyOffStep(instrument.qtyStep);
  // Spot no longer checks minOrderQty (docs/v5/market/instrument.mdx): its minimum is the order value.
  if (instrument.category === 'linear' && qty.lt(instrument.minOrderQty)) {
    throw paramsError(`The number of contracts exceeds minimum limit allowed`);
  }
  const max = orderType === 'Market' ? instrument.maxMktOrderQty : instrument.maxOrderQty;
  if (qty.gt(max)) throw errors.qtyTooLarge(qty, max);
}

/** A linear order's value at its price (or the last price) must reach `minNotionalValue`. */
function checkNotional(instrument: BybitInstrument, qty: Big, reference: Big, errors: OrderErrors): void {
  if (qty.times(reference).lt(instrument.minNotionalValue)) throw errors.valueTooSmall();
}

/** A spot order's value in quote coin must reach `minOrderAmt`. */
function checkSpotValue(
  instrument: BybitInstrument,
  orderType: BybitOrderType,
  marketUnit: string,
  qty: Big,
  price: Big | null,
  last: Big,
  errors: OrderErrors,
): void {
  const value = marketUnit === 'quoteCoin' ? qty : qty.times(orderType === 'Limit' && price ? price : last);
  if (value.lt(instrument.minNotionalValue)) throw errors.valueTooSmall();
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

/**
 * A linear conditional order: `triggerPrice` with the `triggerDirection` it expects, which must still
 * be ahead of the market (110092 / 110093, docs/v5/error.mdx).
 */
function conditional(
  params: BybitParams,
  instrument: BybitInstrument,
  prices: PriceReference,
): { price: Big; direction: 1 | 2; by: BybitTriggerBy } | null {
  const price = decimalString(params, 'triggerPrice', () => paramsError('triggerPrice invalid'));
  if (!price) return null;
  if (price.lte(0) || !isMultipleOf(price, instrument.tickSize)) throw paramsError('triggerPrice invalid');
  const direction = present(params, 'triggerDirection');
  if (direction !== 1 && direction !== 2) throw paramsError('TriggerDirection invalid');
  const by = triggerByParam(params, 'triggerBy');
  const current = by === 'LastPrice' ? prices.last(instrument) : prices.mark(instrument);
  const shown = `trigger_price[${toDecimalString(price)}]`;
  if (direction === 1 && price.lte(current)) {
    throw new BybitError(
      RET.EXPECT_RISING,
      `expect Rising, but ${shown} <= current[${toDecimalString(current)}]??${by}`,
    );
  }
  if (direction === 2 && price.gte(current)) {
    throw new BybitError(
      RET.EXPECT_FALLING,
      `expect Falling, but ${shown} >= current[${toDecimalString(current)}]??${by}`,
    );
  }
  return { price, direction, by };
}

function triggerByParam(params: BybitParams, name: string): BybitTriggerBy {
  const value = present(params, name);
  if (value === undefined) return 'LastPrice';
  if (typeof value !== 'string' || !TRIGGER_BY.includes(value)) throw paramsError(`${name} invalid`);
  return value as BybitTriggerBy;
}

/**
 * TP/SL attached to a linear order, in Full mode: on the profitable and the losing side of the price
 * the order is expected to fill at. Not with reduceOnly (docs: "When reduceOnly is true, take
 * profit/stop loss cannot be set").
 */
function takeProfitStopLoss(
  params: BybitParams,
  instrument: BybitInstrument,
  side: BybitSide,
  base: Big,
  reduceOnly: boolean,
): {
  takeProfit: Big | null;
  stopLoss: Big | null;
  tpTriggerBy: BybitTriggerBy;
  slTriggerBy: BybitTriggerBy;
} | null {
  const takeProfit = exitPrice(params, 'takeProfit', instrument);
  const stopLoss = exitPrice(params, 'stopLoss', instrument);
  if (!takeProfit && !stopLoss) return null;
  if (reduceOnly) throw paramsError('reduce-only order can not set takeProfit/stopLoss');
  const buy = side === 'Buy';
  const baseShown = `base_price:${toDecimalString(base)}??LastPrice`;
  if (takeProfit && (buy ? takeProfit.lte(base) : takeProfit.gte(base))) {
    throw paramsError(
      `TakeProfit:${toDecimalString(takeProfit)} set for ${side} position should be ${buy ? 'higher' : 'lower'} than ${baseShown}`,
    );
  }
  if (stopLoss && (buy ? stopLoss.gte(base) : stopLoss.lte(base))) {
    throw paramsError(
      `StopLoss:${toDecimalString(stopLoss)} set for ${side} position should be ${buy ? 'lower' : 'higher'} than ${baseShown}`,
    );
  }
  return {
    takeProfit,
    stopLoss,
    tpTriggerBy: triggerByParam(params, 'tpTriggerBy'),
    slTriggerBy: triggerByParam(params, 'slTriggerBy'),
  };
}

function exitPrice(params: BybitParams, name: string, instrument: BybitInstrument): Big | null {
  const price = decimalString(params, name, () => paramsError(`${name} invalid`));
  if (!price) return null;
  if (price.lte(0) || !isMultipleOf(price, instrument.tickSize)) throw paramsError(`${name} invalid`);
  return price;
}

/**
 * Features of Bybit the simulator does not model are refused by name, never silently dropped: an
 * adapter proven here must not rely on behaviour the simulator only pretends to have.
 */
function unsupportedFeatures(params: BybitParams, spot: boolean, errors: OrderErrors): void {
  if (spot) {
    const filter = present(params, 'orderFilter');
    if (filter !== undefined && filter !== 'Order') throw errors.unsupported(`orderFilter ${shown(filter)}`);
    if (present(params, 'triggerPrice') !== undefined) throw errors.unsupported('spot triggerPrice');
    if (present(params, 'takeProfit') !== undefined || present(params, 'stopLoss') !== undefined) {
      throw errors.unsupported('spot takeProfit/stopLoss');
    }
    const leverage = present(params, 'isLeverage');
    if (leverage !== undefined && leverage !== 0)
      throw errors.unsupported('isLeverage 1 (spot margin trading)');
    return;
  }
  const mode = present(params, 'tpslMode');
  if (mode !== undefined && mode !== 'Full') throw errors.unsupported(`tpslMode ${shown(mode)}`);
  for (const name of ['tpOrderType', 'slOrderType']) {
    const type = present(params, name);
    if (type !== undefined && type !== 'Market') throw errors.unsupported(`${name} ${shown(type)}`);
  }
  if (present(params, 'tpLimitPrice') !== undefined || present(params, 'slLimitPrice') !== undefined) {
    throw errors.unsupported('limit take profit / stop loss');
  }
}
