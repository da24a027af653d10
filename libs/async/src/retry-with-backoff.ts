import { backoffDelay } from './backoff.js';

export interface RetryOptions {
  /** Tries in all, the first included (>= 1). */
  readonly attempts: number;
  /** The wait after the first failure; it doubles after each further one, up to `maxDelayMs`. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** Whether a failure is worth another try (default: every failure is). */
  readonly shouldRetry?: (error: unknown, attempt: number) => boolean;
  /**
   * A wait the failure itself asks for, such as a broker's retry-after, used as is instead of the
   * backoff (cap it here if it needs a cap); undefined falls back to the backoff.
   */
  readonly delayFor?: (error: unknown, attempt: number) => number | undefined;
  /**
   * Called after each failed try that will be retried, with the wait to come; a promise it returns is
   * awaited before that wait (to resynchronise a clock, say).
   */
  readonly onRetry?: (error: unknown, attempt: number, delayMs: number) => void | Promise<void>;
  /** How to wait (default: a timer). */
  readonly sleep?: (ms: number) => Promise<void>;
}

const timerSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `task` until it succeeds, a failure is not worth retrying, or `attempts` tries have failed; then
 * rejects with the last error. `task` is given its try's number, from 1.
 */
export async function retryWithBackoff<T>(
  task: (attempt: number) => Promise<T> | T,
  options: RetryOptions,
): Promise<T> {
  const sleep = options.sleep ?? timerSleep;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await task(attempt);
    } catch (error) {
      if (attempt >= options.attempts) throw error;
      if (options.shouldRetry && !options.shouldRetry(error, attempt)) throw error;
      const asked = options.delayFor?.(error, attempt);
      const delayMs = Math.max(
        0,
        asked ?? backoffDelay(attempt, { firstDelayMs: options.baseDelayMs, maxDelayMs: options.maxDelayMs }),
      );
      await options.onRetry?.(error, attempt, delayMs);
      // No timer for no wait: a retry that needs none (after a resync) goes at once.
      if (delayMs > 0) await sleep(delayMs);
    }
  }
}
