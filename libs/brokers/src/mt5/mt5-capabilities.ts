import type { BrokerCapabilities } from '../domain/index.js';
import { MT5_SUPPORTED_TIMEFRAMES } from './mt5-timeframes.js';

/**
 * Market (FOK or IOC filling, whichever the symbol allows), limit, stop and stop-limit pending orders
 * (GTC or DAY); SL/TP as a bracket on the position the entry opens. No trailing stop: MT5 trails in the
 * terminal, not on the server, so it stops when the terminal does. Any client order id: the comment
 * carries it, or its digest when longer than a comment holds.
 */
export const MT5_CAPABILITIES: BrokerCapabilities = {
  orderTypes: ['market', 'limit', 'stop', 'stop_limit'],
  timeInForce: ['gtc', 'day', 'ioc', 'fok'],
  bracketOrders: true,
  shortSelling: true,
  timeframes: MT5_SUPPORTED_TIMEFRAMES,
};
