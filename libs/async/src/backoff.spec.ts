import { backoffDelay } from './backoff.js';

describe('backoffDelay', () => {
  it('starts at the first delay and doubles each attempt up to the ceiling', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7].map((attempt) =>
      backoffDelay(attempt, { firstDelayMs: 1000, maxDelayMs: 30_000 }),
    );
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000]);
  });

  it('never exceeds the ceiling, not even the first wait', () => {
    expect(backoffDelay(1, { firstDelayMs: 500, maxDelayMs: 200 })).toBe(200);
  });

  it('stays finite far into a long outage', () => {
    expect(backoffDelay(5000, { firstDelayMs: 100, maxDelayMs: 60_000 })).toBe(60_000);
  });
});
