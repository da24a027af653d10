/** The pre-trade checks, in the order they are evaluated. */
export const RISK_RULES = [
  'kill_switch',
  'allowed_symbols',
  'max_order_quantity',
  'max_order_notional',
  'max_position_quantity',
  'max_open_orders',
  'daily_loss_limit',
] as const;
export type RiskRule = (typeof RISK_RULES)[number];

/** Why a rule refuses an order: the limit, the value that broke it, and a sentence naming both. */
export interface RiskViolation {
  readonly rule: RiskRule;
  readonly message: string;
  readonly limit: string;
  readonly value: string;
}
