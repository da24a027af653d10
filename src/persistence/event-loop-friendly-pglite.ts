import { setImmediate as nextTurn } from 'node:timers/promises';
import { PGlite } from '@electric-sql/pglite';

/**
 * PGlite whose queries each let the event loop turn once before they run. PGlite executes a query
 * synchronously on the main thread (PostgreSQL compiled to WASM), and queued queries follow one another
 * through promise callbacks alone: under a flood of orders the queue drains back to back and Node polls no
 * socket until it is empty, so even GET /health waited seconds. Waiting for setImmediate inside the query
 * lock lets the requests that arrived meanwhile in between two queries; each query still blocks while it
 * runs, which is why a busy desk belongs on PostgreSQL (DATABASE_URL).
 */
export class EventLoopFriendlyPGlite extends PGlite {
  override _runExclusiveQuery<T>(query: () => Promise<T>): Promise<T> {
    return super._runExclusiveQuery(async () => {
      await nextTurn();
      return query();
    });
  }
}
