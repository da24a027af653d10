import type Big from 'big.js';
import type { OrderRequest } from '#brokers';
import type { RiskLimits } from '../../config/risk-limits.schema.js';
import type { KillSwitchState } from '../kill-switch-state.js';
import type { RiskViolation } from '../risk-rule.js';
import { checkAllowedSymbols } from './allowed-symbols.rule.js';
import { checkDailyLoss, type DailyLossInput } from './daily-loss.rule.js';
import { checkKillSwitch } from './kill-switch.rule.js';
import { checkMaxOpenOrders } from './max-open-orders.rule.js';
import { checkMaxOrderNotional } from './max-order-notional.rule.js';
import { checkMaxOrderQuantity } from './max-order-quantity.rule.js';
import { checkMaxPositionQuantity } from './max-position-quantity.rule.js';
import { reducesPosition } from './reduces-position.js';

/** Everything the rules read, gathered beforehand so that the rules themselves stay pure. */
export interface RiskRuleInputs {
  readonly limits: RiskLimits;
  readonly request: OrderRequest;
  readonly killSwitch: KillSwitchState;
  /** Signed position in the order's symbol. */
  readonly position: Big;
  readonly openOrders: number;
  /** The notional's price; needed only when `maxOrderNotional` is set. */
  readonly referencePrice: string | undefined;
  readonly daily: DailyLossInput | null;
}

/** The first rule that refuses the order, in {@link RISK_RULES} order, or null when every rule passes. */
export function evaluateRiskRules(inputs: RiskRuleInputs): RiskViolation | null {
  const { limits, request } = inputs;
  return (
    checkKillSwitch(inputs.killSwitch) ??
    checkAllowedSymbols(limits.allowedSymbols, request.symbol) ??
    checkMaxOrderQuantity(limits.maxOrderQuantity, request) ??
    (inputs.referencePrice === undefined
      ? null
      : checkMaxOrderNotional(limits.maxOrderNotional, request, inputs.referencePrice)) ??
    checkMaxPositionQuantity(limits.maxPositionQuantity, request, inputs.position) ??
    checkMaxOpenOrders(limits.maxOpenOrders, inputs.openOrders) ??
    checkDailyLoss(inputs.daily, reducesPosition(request, inputs.position))
  );
}
