import type { KillSwitchState } from '../kill-switch-state.js';
import type { RiskViolation } from '../risk-rule.js';

/** While the kill switch is on, refuses every new order, reducing ones included. */
export function checkKillSwitch(state: KillSwitchState): RiskViolation | null {
  if (!state.enabled) return null;
  const who = state.changedBy ? ` by ${state.changedBy}` : '';
  const when = state.changedAt ? ` since ${state.changedAt}` : '';
  const why = state.reason ? `: ${state.reason}` : '';
  return {
    rule: 'kill_switch',
    message: `kill switch is on${when}${who}${why}; no new orders are accepted`,
    limit: 'off',
    value: 'on',
  };
}
