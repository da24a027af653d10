/** An exponential backoff: the first wait, doubled after each further failure up to a ceiling. */
export interface BackoffOptions {
  /** The wait after the first failure, ms. */
  readonly firstDelayMs: number;
  /** No wait is longer than this, ms. */
  readonly maxDelayMs: number;
}

/** The wait before retry number `attempt` (1 after the first failure): first × 2^(attempt−1), capped. */
export function backoffDelay(attempt: number, { firstDelayMs, maxDelayMs }: BackoffOptions): number {
  return Math.min(firstDelayMs * 2 ** Math.max(0, attempt - 1), maxDelayMs);
}
