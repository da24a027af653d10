import type { DecimalString } from './decimal-string.js';
import type { OrderSide } from './order-side.js';
import type { OrderType, TimeInForce } from './order-type.js';

/** What a caller asks a broker to do; prices and quantities already rounded to the instrument. */
export interface OrderRequest {
  readonly clientOrderId: string;
  readonly symbol: string;
  readonly side: OrderSide;
  readonly type: OrderType;
  readonly quantity: DecimalString;
  readonly price?: DecimalString;
  readonly stopPrice?: DecimalString;
  /** Trailing stop: how far behind the best price (below it for a sell, above for a buy) the stop follows. */
  readonly trailingAmount?: DecimalString;
  readonly timeInForce: TimeInForce;
  /** Bracket: limit price of the take-profit child, active once the entry fills. */
  readonly takeProfit?: DecimalString;
  /** Bracket: trigger price of the stop-loss child, active once the entry fills. */
  readonly stopLoss?: DecimalString;
}
