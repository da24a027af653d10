import type { BrokerCapabilities } from '../domain/index.js';

/** IB's bar sizes (reqHistoricalData barSizeSetting) by Edgerunner timeframe. */
export const IBKR_BAR_SIZES: Readonly<Record<string, string>> = {
  '1m': '1 min',
  '2m': '2 mins',
  '3m': '3 mins',
  '5m': '5 mins',
  '15m': '15 mins',
  '30m': '30 mins',
  '1h': '1 hour',
  '2h': '2 hours',
  '4h': '4 hours',
  '8h': '8 hours',
  '1d': '1 day',
  '1w': '1 week',
};

/**
 * Market, limit, stop, stop-limit and trailing stop (TRAIL); brackets as a parent with two OCA children; shorts (STK needs
 * borrowable shares, which TWS checks). No limit on the client order id below 64: IB's orderRef takes
 * more, and the children's `-tp`/`-sl` fit.
 */
export const IBKR_CAPABILITIES: BrokerCapabilities = {
  orderTypes: ['market', 'limit', 'stop', 'stop_limit', 'trailing_stop'],
  timeInForce: ['gtc', 'day', 'ioc', 'fok'],
  bracketOrders: true,
  shortSelling: true,
  timeframes: Object.keys(IBKR_BAR_SIZES),
};
