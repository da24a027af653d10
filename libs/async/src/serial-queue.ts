/**
 * Runs tasks one at a time, in the order they were queued: each sees the state the one before it left.
 * A failing task settles its own promise only; the tasks after it still run.
 */
export class SerialQueue {
  private tail: Promise<void> = Promise.resolve();

  /** Runs `task` after every task queued before it; settles as `task` does. */
  run<T>(task: () => Promise<T> | T): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  /** Settles (never rejects) once every task queued so far has settled. */
  drained(): Promise<void> {
    return this.tail;
  }
}
