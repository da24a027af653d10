import type { DecimalString } from './decimal-string.js';

export interface AccountSummary {
  readonly account: string;
  readonly currency: string;
  /** Cash: deposits plus realized PnL minus fees. */
  readonly balance: DecimalString;
  /** Balance plus unrealized PnL. */
  readonly equity: DecimalString;
  readonly marginUsed: DecimalString;
  readonly marginFree: DecimalString;
  readonly unrealizedPnl: DecimalString;
  readonly realizedPnl: DecimalString;
  readonly updatedAt: string;
}
