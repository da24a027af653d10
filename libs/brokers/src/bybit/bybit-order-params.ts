import type { OrderParamsV5 } from 'bybit-api';
import type { OrderRequest, TimeInForce } from '../domain/index.js';
import { InvalidOrderError } from '../errors/index.js';
import { BYBIT_MAX_ORDER_LINK_ID } from './bybit-capabilities.js';
import type { BybitAdapterCategory } from './bybit-config.js';

const TIME_IN_FORCE: Readonly<Partial<Record<TimeInForce, OrderParamsV5['timeInForce']>>> = {
  gtc: 'GTC',
  ioc: 'IOC',
  fok: 'FOK',
};

/**
 * An order request as Bybit's /v5/order/create takes it. Stops are conditional orders: a buy stop waits for
 * the price to rise to its trigger (direction 1), a sell stop for it to fall (2). A bracket's take-profit and
 * stop-loss ride on the entry (tpslMode Full): Bybit fires each at its price and closes at market.
 */
export function toOrderParams(request: OrderRequest, category: BybitAdapterCategory): OrderParamsV5 {
  if (request.clientOrderId.length > BYBIT_MAX_ORDER_LINK_ID) {
    throw new InvalidOrderError(
      `Bybit takes client order ids of at most ${BYBIT_MAX_ORDER_LINK_ID} characters; "${request.clientOrderId}" has ${request.clientOrderId.length}`,
      { broker: 'bybit' },
    );
  }
  const timeInForce = TIME_IN_FORCE[request.timeInForce];
  if (!timeInForce) {
    throw new InvalidOrderError(`Bybit has no time in force "${request.timeInForce}"`, { broker: 'bybit' });
  }
  const limit = request.type === 'limit' || request.type === 'stop_limit';
  const conditional = request.type === 'stop' || request.type === 'stop_limit';
  const params: OrderParamsV5 = {
    category,
    symbol: request.symbol,
    side: request.side === 'buy' ? 'Buy' : 'Sell',
    orderType: limit ? 'Limit' : 'Market',
    qty: request.quantity,
    // A market order's time in force is IOC at Bybit whatever is sent.
    timeInForce: limit ? timeInForce : 'IOC',
    orderLinkId: request.clientOrderId,
  };
  if (limit) params.price = request.price;
  if (conditional) {
    params.triggerPrice = request.stopPrice;
    params.triggerDirection = request.side === 'buy' ? 1 : 2;
    params.triggerBy = 'LastPrice';
  }
  // Spot counts a market Buy in the quote coin unless told: Edgerunner quantities are in the base coin.
  if (category === 'spot' && !limit) params.marketUnit = 'baseCoin';
  if (category === 'linear') params.positionIdx = 0;
  if (request.takeProfit !== undefined || request.stopLoss !== undefined) {
    params.tpslMode = 'Full';
    if (request.takeProfit !== undefined) params.takeProfit = request.takeProfit;
    if (request.stopLoss !== undefined) params.stopLoss = request.stopLoss;
  }
  return params;
}
