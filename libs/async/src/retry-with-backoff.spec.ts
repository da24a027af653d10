import { jest } from '@jest/globals';
import { retryWithBackoff, type RetryOptions } from './retry-with-backoff.js';

/** Options whose waits are recorded instead of slept. */
function recorded(options: Omit<RetryOptions, 'sleep'>): { options: RetryOptions; waits: number[] } {
  const waits: number[] = [];
  return {
    waits,
    options: {
      ...options,
      sleep: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
    },
  };
}

/** A task failing with `errors` in turn, then answering `value`. */
function failing<T>(errors: Error[], value: T): { task: (attempt: number) => Promise<T>; tries: number[] } {
  const tries: number[] = [];
  return {
    tries,
    task: (attempt) => {
      tries.push(attempt);
      const error = errors.shift();
      return error === undefined ? Promise.resolve(value) : Promise.reject(error);
    },
  };
}

describe('retryWithBackoff', () => {
  it('answers the first success, after waits that double up to the ceiling', async () => {
    const { task, tries } = failing([new Error('1'), new Error('2'), new Error('3')], 'ok');
    const { options, waits } = recorded({ attempts: 5, baseDelayMs: 100, maxDelayMs: 250 });
    await expect(retryWithBackoff(task, options)).resolves.toBe('ok');
    expect(tries).toEqual([1, 2, 3, 4]);
    expect(waits).toEqual([100, 200, 250]);
  });

  it('rejects with the last error once every attempt has failed', async () => {
    const { task, tries } = failing([new Error('first'), new Error('last')], 'never');
    const { options, waits } = recorded({ attempts: 2, baseDelayMs: 10, maxDelayMs: 10 });
    await expect(retryWithBackoff(task, options)).rejects.toThrow('last');
    expect(tries).toEqual([1, 2]);
    expect(waits).toEqual([10]);
  });

  it('does not retry a failure shouldRetry refuses', async () => {
    const final = new Error('final');
    const { task, tries } = failing([new Error('transient'), final], 'never');
    const { options } = recorded({
      attempts: 5,
      baseDelayMs: 10,
      maxDelayMs: 10,
      shouldRetry: (error) => error !== final,
    });
    await expect(retryWithBackoff(task, options)).rejects.toBe(final);
    expect(tries).toEqual([1, 2]);
  });

  it('waits what the failure asks for, uncapped, and falls back to the backoff when it asks nothing', async () => {
    const asks = [5000, undefined, 0];
    const { task } = failing([new Error('a'), new Error('b'), new Error('c')], 'ok');
    const onRetry = jest.fn<NonNullable<RetryOptions['onRetry']>>();
    const { options, waits } = recorded({
      attempts: 4,
      baseDelayMs: 100,
      maxDelayMs: 1000,
      delayFor: (_error, attempt) => asks[attempt - 1],
      onRetry,
    });
    await expect(retryWithBackoff(task, options)).resolves.toBe('ok');
    // A zero wait is no wait at all: the retry goes at once.
    expect(waits).toEqual([5000, 200]);
    expect(onRetry.mock.calls.map(([, attempt, delayMs]) => [attempt, delayMs])).toEqual([
      [1, 5000],
      [2, 200],
      [3, 0],
    ]);
  });

  it('awaits what onRetry returns before the next try', async () => {
    const order: string[] = [];
    const { options } = recorded({
      attempts: 2,
      baseDelayMs: 1,
      maxDelayMs: 1,
      onRetry: async () => {
        await Promise.resolve();
        order.push('resynced');
      },
    });
    const result = retryWithBackoff(async (attempt) => {
      order.push(`try ${attempt}`);
      if (attempt === 1) throw new Error('skew');
      return Promise.resolve(attempt);
    }, options);
    await expect(result).resolves.toBe(2);
    expect(order).toEqual(['try 1', 'resynced', 'try 2']);
  });

  it('sleeps on a real timer by default', async () => {
    const { task } = failing([new Error('once')], 'ok');
    const startedAt = performance.now();
    await expect(retryWithBackoff(task, { attempts: 2, baseDelayMs: 20, maxDelayMs: 20 })).resolves.toBe(
      'ok',
    );
    expect(performance.now() - startedAt).toBeGreaterThanOrEqual(15);
  });
});
