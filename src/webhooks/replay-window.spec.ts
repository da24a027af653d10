import { isWithinReplayWindow } from './replay-window.js';

describe('isWithinReplayWindow', () => {
  const now = new Date('2026-12-02T14:05:00.000Z');

  it('takes an alert stamped within the window, either side of now, edges included', () => {
    expect(isWithinReplayWindow('2026-12-02T14:05:00Z', now, 300)).toBe(true);
    expect(isWithinReplayWindow('2026-12-02T14:00:00Z', now, 300)).toBe(true);
    expect(isWithinReplayWindow('2026-12-02T14:10:00Z', now, 300)).toBe(true);
    expect(isWithinReplayWindow('2026-12-02T15:04:59+01:00', now, 5)).toBe(true);
  });

  it('refuses an alert stamped before or after the window', () => {
    expect(isWithinReplayWindow('2026-12-02T13:59:59.999Z', now, 300)).toBe(false);
    expect(isWithinReplayWindow('2026-12-02T14:10:00.001Z', now, 300)).toBe(false);
    expect(isWithinReplayWindow('2026-12-01T14:05:00Z', now, 3600)).toBe(false);
  });

  it('refuses a time that does not parse', () => {
    expect(isWithinReplayWindow('not a time', now, 3600)).toBe(false);
    expect(isWithinReplayWindow('', now, 3600)).toBe(false);
  });
});
