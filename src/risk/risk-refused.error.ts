import { UnprocessableError } from '../common/errors/app-error.js';
import type { RiskRule, RiskViolation } from './risk-rule.js';

/**
 * A risk check refused the order (HTTP 422). `rule` names the check, e.g. `max_order_notional`; the
 * message names the rule, the limit and the value; `details` carries `{ rule, limit, value }`.
 */
export class RiskRefusedError extends UnprocessableError {
  readonly rule: RiskRule;
  readonly limit: string;
  readonly value: string;

  constructor(violation: RiskViolation) {
    super(violation.message, { rule: violation.rule, limit: violation.limit, value: violation.value });
    this.rule = violation.rule;
    this.limit = violation.limit;
    this.value = violation.value;
  }
}
