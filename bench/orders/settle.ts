/**
 * Runs `work` now, whole, and settles with its result or error: no await splits it, so no other call
 * interleaves with it (the atomicity a transaction or a single statement gives the Drizzle repositories),
 * and a throw rejects the promise, as a failed query would, instead of throwing at the caller.
 */
export function settle<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}
