/**
 * Runs operations one at a time, in arrival order. Every change to the market and the accounts goes
 * through one queue, so a timer tick never lands in the middle of an order placement, and each
 * request sees the state the previous one left, as on a single matching engine.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(operation: () => Promise<T> | T): Promise<T> {
    const result = this.tail.then(operation);
    // The next operation waits for this one whatever its outcome; the caller sees the outcome.
    this.tail = result.catch(() => undefined);
    return result;
  }
}
