import type { DecimalString, OrderSide } from '#brokers';

/** A fill as the trade log keeps it: the broker's execution plus what Edgerunner knows about it. */
export interface FillRecord {
  /** The row id (a bigint), as a string so it survives JSON and cursors unchanged. */
  readonly id: string;
  readonly account: string;
  readonly executionId: string;
  /** The Edgerunner order it belongs to; null while (or when) no order of ours matches it. */
  readonly orderId: string | null;
  readonly brokerOrderId: string;
  readonly clientOrderId: string;
  readonly symbol: string;
  readonly side: OrderSide;
  readonly quantity: DecimalString;
  readonly price: DecimalString;
  readonly fee: DecimalString;
  readonly feeCurrency: string;
  readonly liquidity: 'maker' | 'taker';
  readonly strategy: string | null;
  /** UTC ISO 8601 with milliseconds. */
  readonly executedAt: string;
}
