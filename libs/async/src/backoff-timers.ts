import { backoffDelay, type BackoffOptions } from './backoff.js';

/**
 * Per-key retries on a timer with exponential backoff: one pending retry per key, each wait twice the
 * last (up to the ceiling) while retries keep being asked for, from the first wait again after `cancel`.
 * Timers never keep the process alive.
 */
export class BackoffTimers {
  private readonly pending = new Map<string, { timer: NodeJS.Timeout; attempt: number }>();

  constructor(private readonly backoff: BackoffOptions) {}

  /** Runs `retry` after the key's next wait; returns that wait. */
  schedule(key: string, retry: () => void): number {
    const previous = this.pending.get(key);
    if (previous) clearTimeout(previous.timer);
    const attempt = (previous?.attempt ?? 0) + 1;
    const delayMs = backoffDelay(attempt, this.backoff);
    // The attempt is kept once the timer fires, so a retry that fails and schedules again backs off further.
    const timer = setTimeout(retry, delayMs);
    timer.unref();
    this.pending.set(key, { timer, attempt });
    return delayMs;
  }

  /** Forgets the key's backoff: it succeeded, or was stopped on purpose. */
  cancel(key: string): void {
    const previous = this.pending.get(key);
    if (previous) clearTimeout(previous.timer);
    this.pending.delete(key);
  }

  cancelAll(): void {
    for (const key of [...this.pending.keys()]) this.cancel(key);
  }
}
