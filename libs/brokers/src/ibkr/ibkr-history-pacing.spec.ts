import { BrokerRateLimitError } from '../errors/index.js';
import { IbkrHistoryPacing } from './ibkr-history-pacing.js';

describe('IB historical data pacing', () => {
  it('lets five requests for one contract through in 2 s, then asks the sixth to wait', () => {
    let now = 0;
    const pacing = new IbkrHistoryPacing(() => now);
    for (let i = 0; i < 5; i++) {
      expect(pacing.delayFor('265598')).toBe(0);
      pacing.record('265598', `k${i}`);
      now += 100;
    }
    expect(pacing.delayFor('265598')).toBe(1500);
    expect(pacing.delayFor('12087792')).toBe(0);
  });

  it('remembers identical requests for 15 s', () => {
    let now = 0;
    const pacing = new IbkrHistoryPacing(() => now);
    pacing.record('1', 'same');
    now = 14_999;
    expect(pacing.sentRecently('same')).toBe(true);
    now = 15_000;
    expect(pacing.sentRecently('same')).toBe(false);
  });

  it('refuses the 61st request in ten minutes with the wait until a slot frees', () => {
    let now = 0;
    const pacing = new IbkrHistoryPacing(() => now);
    for (let i = 0; i < 60; i++) {
      pacing.record(String(i), `k${i}`);
      now += 1000;
    }
    expect(() => pacing.delayFor('x')).toThrow(BrokerRateLimitError);
    try {
      pacing.delayFor('x');
    } catch (error) {
      expect((error as BrokerRateLimitError).retryAfterMs).toBe(540_000);
    }
  });
});
