const FIRST_DELAY_MS = 1000;
const MAX_DELAY_MS = 60_000;

/**
 * Retries of an account's connection with exponential backoff (1 s doubling to 60 s), one pending retry
 * per account; timers never keep the process alive.
 */
export class ReconnectSchedule {
  private readonly pending = new Map<string, { timer: NodeJS.Timeout; delayMs: number }>();

  constructor(
    private readonly firstDelayMs = FIRST_DELAY_MS,
    private readonly maxDelayMs = MAX_DELAY_MS,
  ) {}

  /** Runs `attempt` after the account's next delay; returns that delay. */
  schedule(account: string, attempt: () => void): number {
    const previous = this.pending.get(account);
    if (previous) clearTimeout(previous.timer);
    const delayMs = previous ? Math.min(previous.delayMs * 2, this.maxDelayMs) : this.firstDelayMs;
    const timer = setTimeout(() => {
      // The delay is kept, so a failing attempt that schedules again backs off further.
      this.pending.set(account, { timer, delayMs });
      attempt();
    }, delayMs);
    timer.unref();
    this.pending.set(account, { timer, delayMs });
    return delayMs;
  }

  /** Forgets the account's backoff: connected, or disconnected on purpose. */
  cancel(account: string): void {
    const previous = this.pending.get(account);
    if (previous) clearTimeout(previous.timer);
    this.pending.delete(account);
  }

  cancelAll(): void {
    for (const account of [...this.pending.keys()]) this.cancel(account);
  }
}
