import { alertSignalId } from './alert-signal-id.js';

const SIGNAL_ID = /^[A-Za-z0-9._:-]{1,64}$/;

describe('alertSignalId', () => {
  const webhook = 'wh_0123456789abcdef';

  it('keeps a short alert id readable', () => {
    expect(alertSignalId(webhook, '2026-12-02T14:05:00Z-Long')).toBe(
      `tv-${webhook}-2026-12-02T14:05:00Z-Long`,
    );
  });

  it('hashes an alert id that would not make a valid signal id, into one that is', () => {
    for (const alertId of ['2026-12-02T14:05:00Z-Long Entry', 'x'.repeat(64), 'ordre n°1']) {
      const signalId = alertSignalId(webhook, alertId);
      expect(signalId).toMatch(SIGNAL_ID);
      expect(signalId.startsWith(`tvh-${webhook}-`)).toBe(true);
      expect(alertSignalId(webhook, alertId)).toBe(signalId);
    }
    expect(alertSignalId(webhook, 'a b')).not.toBe(alertSignalId(webhook, 'a  b'));
  });

  it('tells the same alert id on two webhooks apart', () => {
    expect(alertSignalId(webhook, 'a')).not.toBe(alertSignalId('wh_fedcba9876543210', 'a'));
  });
});
