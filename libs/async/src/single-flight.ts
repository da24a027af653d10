/**
 * At most one run of a task per key: a request for a key while its run is in flight joins that run
 * and gets its outcome. Once the run settles the key is free, so the next request starts afresh.
 */
export class SingleFlight<K, V> {
  private readonly flights = new Map<K, Promise<V>>();

  /** The run in flight for `key`, or a new one of `task`; the key is free again before callers resume. */
  run(key: K, task: () => Promise<V>): Promise<V> {
    const current = this.flights.get(key);
    if (current) return current;
    const flight = start(task).finally(() => this.flights.delete(key));
    this.flights.set(key, flight);
    return flight;
  }

  /** True while a run for `key` is in flight. */
  has(key: K): boolean {
    return this.flights.has(key);
  }
}

/** Calls `task` at once; one that throws before its first await still settles as a rejected run. */
async function start<V>(task: () => Promise<V>): Promise<V> {
  return task();
}
