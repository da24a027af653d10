import { dec, toDecimalString, type OrderSide } from '#brokers';
import { UnprocessableError } from '../../common/errors/app-error.js';

/** What a signal asks to trade, once its size is known: the order service rounds it to the lot. */
export interface SizedSignal {
  readonly side: OrderSide;
  readonly quantity: string;
}

/** A target position becomes the difference from the position held now; already there is nothing to do. */
export function sizeTowardTarget(target: string, held: string, symbol: string): SizedSignal {
  const difference = dec(target).minus(held);
  if (difference.eq(0)) {
    throw new UnprocessableError(
      `the position in ${symbol} is already ${toDecimalString(dec(held))}: nothing to trade`,
    );
  }
  return { side: difference.gt(0) ? 'buy' : 'sell', quantity: toDecimalString(difference.abs()) };
}

/** A percent of equity becomes a quantity at the order's price (its limit, else the side of the quote it takes). */
export function sizeFromEquity(percent: string, equity: string, price: string, side: OrderSide): SizedSignal {
  if (dec(equity).lte(0)) throw new UnprocessableError(`equity is ${equity}: a percent of it buys nothing`);
  return { side, quantity: toDecimalString(dec(equity).times(percent).div(100).div(price)) };
}
