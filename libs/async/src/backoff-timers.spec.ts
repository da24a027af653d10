import { jest } from '@jest/globals';
import { BackoffTimers } from './backoff-timers.js';

describe('BackoffTimers', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('backs off exponentially up to its ceiling while attempts keep failing', () => {
    const schedule = new BackoffTimers({ firstDelayMs: 100, maxDelayMs: 500 });
    const delays: number[] = [];
    const attempt = (): void => {
      delays.push(schedule.schedule('bybit', attempt));
    };
    delays.push(schedule.schedule('bybit', attempt));
    jest.advanceTimersByTime(100 + 200 + 400 + 500);
    expect(delays).toEqual([100, 200, 400, 500, 500]);
    schedule.cancelAll();
  });

  it('starts over after a cancel, and a cancelled retry never runs', () => {
    const schedule = new BackoffTimers({ firstDelayMs: 100, maxDelayMs: 500 });
    const attempt = jest.fn();
    schedule.schedule('bybit', attempt);
    jest.advanceTimersByTime(100);
    schedule.schedule('bybit', attempt);
    schedule.cancel('bybit');
    jest.advanceTimersByTime(1000);
    expect(attempt).toHaveBeenCalledTimes(1);
    expect(schedule.schedule('bybit', attempt)).toBe(100);
    schedule.cancelAll();
  });
});
