import { KILL_SWITCH_OFF } from '../kill-switch-state.js';
import { checkKillSwitch } from './kill-switch.rule.js';

describe('checkKillSwitch', () => {
  it('passes while off', () => {
    expect(checkKillSwitch(KILL_SWITCH_OFF)).toBeNull();
  });

  it('refuses while on, saying since when, by whom and why', () => {
    expect(
      checkKillSwitch({
        enabled: true,
        reason: 'exchange incident',
        changedBy: 'ops',
        changedByKeyId: 'k1',
        changedAt: '2026-01-02T03:04:05.678Z',
      }),
    ).toEqual({
      rule: 'kill_switch',
      message:
        'kill switch is on since 2026-01-02T03:04:05.678Z by ops: exchange incident; no new orders are accepted',
      limit: 'off',
      value: 'on',
    });
  });
});
