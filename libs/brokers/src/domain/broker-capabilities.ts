import type { OrderType, TimeInForce } from './order-type.js';
import type { Timeframe } from './timeframe.js';

/** What a broker supports, read by order validation and shown by /accounts (ccxt's `has` flags). */
export interface BrokerCapabilities {
  readonly orderTypes: readonly OrderType[];
  readonly timeInForce: readonly TimeInForce[];
  /** Take-profit and stop-loss children attached to an entry, one cancelling the other. */
  readonly bracketOrders: boolean;
  readonly shortSelling: boolean;
  readonly timeframes: readonly Timeframe[];
  /** The longest client order id the broker keeps (Bybit's orderLinkId: 36); unset, no limit below 64. */
  readonly maxClientOrderIdLength?: number;
}
