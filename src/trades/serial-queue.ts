/**
 * Runs tasks one at a time, in the order they were queued. A failing task settles its own promise and
 * does not stop the tasks after it.
 */
export class SerialQueue {
  private tail: Promise<void> = Promise.resolve();

  /** Runs `task` after every task queued before it; settles as `task` does. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  /** Settles once every task queued so far has settled. */
  drained(): Promise<void> {
    return this.tail;
  }
}
