import type Big from 'big.js';
import { BybitError } from '../bybit-error.js';
import { RET } from '../bybit-ret-codes.js';
import type { BybitCategory } from '../bybit-simulator-config.js';
import { toDecimalString } from '../../paper-engine.js';
import { paramsError } from '../rest/bybit-params.js';

/**
 * The refusals of order endpoints, per category: derivatives answer with 10001 and the 110000 range,
 * spot with its own 170000 range (docs/v5/error.mdx "Spot Trade").
 */
export function orderErrors(category: BybitCategory) {
  const spot = category === 'spot';
  const pick = (linear: BybitError, spotError: BybitError): BybitError => (spot ? spotError : linear);
  const empty = (name: string): BybitError =>
    spot
      ? new BybitError(RET.SPOT_PARAM_EMPTY, `Parameter '${name}' was empty.`)
      : paramsError(`${name} is required`);
  const invalid = (name: string): BybitError =>
    // "paramter" is Bybit's own spelling in its error table.
    spot
      ? new BybitError(RET.SPOT_PARAM_INVALID, `Data sent for paramter '${name}' is not valid.`)
      : paramsError(`${name} invalid`);
  return {
    empty,
    invalid,
    symbol: () => pick(paramsError('symbol invalid'), BybitError.of(RET.SPOT_INVALID_SYMBOL)),
    side: () => pick(paramsError('side invalid'), BybitError.of(RET.SPOT_INVALID_SIDE)),
    orderType: () => pick(paramsError('orderType invalid'), BybitError.of(RET.SPOT_INVALID_ORDER_TYPE)),
    timeInForce: () =>
      pick(paramsError('timeInForce invalid'), BybitError.of(RET.SPOT_INVALID_TIME_IN_FORCE)),
    rpi: () => pick(BybitError.of(RET.RPI_RESTRICTED), BybitError.of(RET.SPOT_RPI_RESTRICTED)),
    qtyNotPositive: () => pick(paramsError('qty invalid'), BybitError.of(RET.SPOT_QTY_BELOW_MIN)),
    qtyOffStep: (step: Big) =>
      pick(
        paramsError(`qty invalid, qtyStep[${toDecimalString(step)}]`),
        BybitError.of(RET.SPOT_QTY_DECIMAL_TOO_LONG),
      ),
    priceOffTick: (tick: Big) =>
      pick(
        paramsError(`price invalid, tickSize[${toDecimalString(tick)}]`),
        BybitError.of(RET.SPOT_PRICE_DECIMAL_TOO_LONG),
      ),
    qtyTooLarge: (qty: Big, max: Big) =>
      pick(
        // The wording of real answers (pybit issue #284), with plain decimals.
        paramsError(
          `The number of contracts exceeds maximum limit allowed: too large, order_qty:${toDecimalString(qty)} > max_qty:${toDecimalString(max)}`,
        ),
        BybitError.of(RET.SPOT_QTY_TOO_LARGE),
      ),
    valueTooSmall: () => pick(BybitError.of(RET.NOTIONAL_BELOW_MIN), BybitError.of(RET.SPOT_VALUE_BELOW_MIN)),
    duplicateLinkId: () =>
      pick(BybitError.of(RET.ORDER_LINK_ID_DUPLICATE), BybitError.of(RET.SPOT_DUPLICATE_ORDER_LINK_ID)),
    insufficient: () =>
      pick(BybitError.of(RET.BALANCE_INSUFFICIENT), BybitError.of(RET.SPOT_BALANCE_INSUFFICIENT)),
    notFound: () => pick(BybitError.of(RET.ORDER_NOT_EXISTS), BybitError.of(RET.SPOT_ORDER_NOT_EXISTS)),
    tooManyOrders: () =>
      pick(BybitError.of(RET.TOO_MANY_ACTIVE_ORDERS), BybitError.of(RET.SPOT_TOO_MANY_ORDERS)),
    tooManyStopOrders: () => BybitError.of(RET.TOO_MANY_STOP_ORDERS),
    /** A reduce-only order with no position on the other side to reduce. */
    reduceOnlyEmpty: () => BybitError.of(RET.QTY_TRUNCATED_TO_ZERO),
    /** A Bybit feature the simulator does not model: refused plainly rather than half-simulated. */
    unsupported: (what: string) => paramsError(`${what} is not supported by this simulator`),
  };
}

export type OrderErrors = ReturnType<typeof orderErrors>;
