import type { BrokerCapabilities } from '../domain/index.js';
import type { BybitAdapterCategory } from './bybit-config.js';

/** Bybit's limit on orderLinkId. */
export const BYBIT_MAX_ORDER_LINK_ID = 36;

/** Bybit kline intervals by Edgerunner timeframe. */
export const BYBIT_INTERVALS: Readonly<Record<string, string>> = {
  '1m': '1',
  '3m': '3',
  '5m': '5',
  '15m': '15',
  '30m': '30',
  '1h': '60',
  '2h': '120',
  '4h': '240',
  '6h': '360',
  '12h': '720',
  '1d': 'D',
  '1w': 'W',
};

/** Conditional orders via trigger price; TP/SL attached to the entry; shorts only on perpetuals. */
export function bybitCapabilities(category: BybitAdapterCategory): BrokerCapabilities {
  return {
    orderTypes: ['market', 'limit', 'stop', 'stop_limit'],
    timeInForce: ['gtc', 'ioc', 'fok'],
    bracketOrders: category === 'linear',
    shortSelling: category === 'linear',
    timeframes: Object.keys(BYBIT_INTERVALS),
    maxClientOrderIdLength: BYBIT_MAX_ORDER_LINK_ID,
  };
}
