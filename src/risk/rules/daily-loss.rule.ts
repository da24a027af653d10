import type Big from 'big.js';
import { dec, toDecimalString, type DecimalString } from '#brokers';
import type { RiskViolation } from '../risk-rule.js';

/** Today's PnL: equity now minus equity at the day's start, realized and unrealized alike. */
export function dailyPnl(startEquity: DecimalString, equity: DecimalString): Big {
  return dec(equity).minus(startEquity);
}

/** True when `pnl` is at or below −`limit`. */
export function lossLimitReached(pnl: Big, limit: DecimalString): boolean {
  return pnl.lte(dec(limit).neg());
}

/** Today's standing against the limit, as the rule reads it. */
export interface DailyLossInput {
  readonly limit: DecimalString;
  readonly day: string;
  readonly pnl: DecimalString;
  readonly tripped: boolean;
  /** The loss that tripped the limit (it stays tripped even after PnL recovers). */
  readonly trippedPnl: DecimalString | null;
}

/** Once the limit has tripped, refuses every order that does not only reduce a position, until the UTC day ends. */
export function checkDailyLoss(input: DailyLossInput | null, reducing: boolean): RiskViolation | null {
  if (!input?.tripped || reducing) return null;
  const loss = input.trippedPnl ?? input.pnl;
  return {
    rule: 'daily_loss_limit',
    message:
      `daily loss limit ${input.limit} reached on ${input.day} (PnL ${toDecimalString(loss)}, now ${input.pnl}): ` +
      'only orders that reduce a position are accepted until 00:00 UTC',
    limit: input.limit,
    value: input.pnl,
  };
}
