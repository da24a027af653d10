/** Edgerunner said `refused`: dialling again with the same token cannot help. */
export class Mt5BridgeRefusedError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'Mt5BridgeRefusedError';
  }
}

const FIRST_DELAY_MS = 50;
const MAX_DELAY_MS = 1_000;

/**
 * Dials until welcomed, as the EA does while Edgerunner is not listening yet: again after a capped
 * exponential back-off on every failed connection, at once rejected on a refusal, and rejected with the
 * last failure once `timeoutMs` have passed.
 */
export async function dialUntilWelcomed(dial: () => Promise<void>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let delay = FIRST_DELAY_MS; ; delay = Math.min(delay * 2, MAX_DELAY_MS)) {
    try {
      await dial();
      return;
    } catch (error) {
      if (error instanceof Mt5BridgeRefusedError || Date.now() + delay > deadline) throw error;
    }
    await new Promise<void>((resolve) => setTimeout(resolve, delay).unref());
  }
}
