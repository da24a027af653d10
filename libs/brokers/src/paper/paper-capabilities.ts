import type { BrokerCapabilities } from '../domain/index.js';

/** Everything the matching simulator implements. */
export const PAPER_CAPABILITIES: BrokerCapabilities = {
  orderTypes: ['market', 'limit', 'stop', 'stop_limit'],
  timeInForce: ['gtc', 'ioc', 'fok', 'day'],
  bracketOrders: true,
  shortSelling: true,
  timeframes: ['1m', '5m', '15m', '30m', '1h', '4h', '1d'],
};
