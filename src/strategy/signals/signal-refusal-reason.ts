import { BrokerError } from '#brokers';
import { AppError } from '../../common/errors/app-error.js';
import { RiskRefusedError } from '../../risk/risk-refused.error.js';
import { SignalRefusedError } from './signal-refused.error.js';

/** `risk <rule>: …`, the reject reason the order service stores on an order a risk check refused. */
const RISK_REJECTION = /^risk ([a-z_]+):/;

/**
 * The short reason a refused signal is logged and counted under: the risk rule (`kill_switch`,
 * `max_order_notional`, ...), `strategy_refused`, `broker_rejected`, or the error's code.
 */
export function signalRefusalReason(error: unknown): string {
  if (error instanceof RiskRefusedError) return error.rule;
  if (error instanceof SignalRefusedError) return 'strategy_refused';
  if (error instanceof AppError) {
    const order = (error.details as { order?: { status?: string; rejectReason?: string | null } } | undefined)
      ?.order;
    if (order?.status === 'rejected') {
      return RISK_REJECTION.exec(order.rejectReason ?? '')?.[1] ?? 'broker_rejected';
    }
    return error.code;
  }
  if (error instanceof BrokerError) return error.code;
  return 'internal';
}
