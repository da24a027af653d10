import { type BybitParams, present, shown } from '../rest/bybit-params.js';
import type { OrderErrors } from './bybit-order-codes.js';

/**
 * Features of Bybit the simulator does not model are refused by name, never silently dropped: an
 * adapter proven here must not rely on behaviour the simulator only pretends to have.
 */
export function unsupportedFeatures(params: BybitParams, spot: boolean, errors: OrderErrors): void {
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
