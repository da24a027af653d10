import type Big from 'big.js';
import { BybitError } from '../bybit-error.js';
import { RET } from '../bybit-ret-codes.js';
import type { BybitInstrument } from '../market/bybit-instrument.js';
import { isMultipleOf } from '../../paper-engine.js';
import { type BybitParams, decimalString, paramsError, present } from '../rest/bybit-params.js';
import type { BybitOrderType } from './bybit-order.js';
import type { OrderErrors } from './bybit-order-codes.js';

/**
 * A limit order's price: a positive multiple of the tick, within the instrument's price band. These
 * checks and the ones below hold an order's price and size to the instrument's rules, each refusal with
 * the category's own code.
 */
export function limitPrice(params: BybitParams, instrument: BybitInstrument, errors: OrderErrors): Big {
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
export function checkQty(
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
export function checkNotional(
  instrument: BybitInstrument,
  qty: Big,
  reference: Big,
  errors: OrderErrors,
): void {
  if (qty.times(reference).lt(instrument.minNotionalValue)) throw errors.valueTooSmall();
}

/** A spot order's value in quote coin must reach `minOrderAmt`. */
export function checkSpotValue(
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
