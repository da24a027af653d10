import type { DecimalString } from './decimal-string.js';

export type PositionSide = 'long' | 'short' | 'flat';

/** A net position in one instrument. `quantity` is signed: negative is short. */
export interface Position {
  readonly symbol: string;
  readonly side: PositionSide;
  readonly quantity: DecimalString;
  readonly averagePrice: DecimalString;
  readonly markPrice: DecimalString;
  readonly unrealizedPnl: DecimalString;
  readonly realizedPnl: DecimalString;
  readonly marginUsed: DecimalString;
  readonly updatedAt: string;
}
