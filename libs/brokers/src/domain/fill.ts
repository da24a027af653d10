import type { DecimalString } from './decimal-string.js';
import type { OrderSide } from './order-side.js';

/** One execution. `executionId` is unique per broker account: a fill seen twice is the same fill. */
export interface Fill {
  readonly executionId: string;
  readonly brokerOrderId: string;
  readonly clientOrderId: string;
  readonly symbol: string;
  readonly side: OrderSide;
  readonly quantity: DecimalString;
  readonly price: DecimalString;
  readonly fee: DecimalString;
  readonly feeCurrency: string;
  readonly liquidity: 'maker' | 'taker';
  readonly executedAt: string;
}
