import type { SQL } from 'drizzle-orm';
import type { Database } from '../../src/persistence/database.js';
import type { LoadResult } from '../support/load-job.js';

/**
 * The reference: `query` issued straight to the database, one at a time for `seconds`, as autocannon with
 * one connection issues the HTTP requests; shaped as a load result so both sum up the same way.
 */
export async function measureDirect(db: Database, query: SQL, seconds: number): Promise<LoadResult> {
  const latencies: number[] = [];
  const start = performance.now();
  const until = start + seconds * 1000;
  for (let now = start; now < until;) {
    await db.execute(query);
    const done = performance.now();
    latencies.push(done - now);
    now = done;
  }
  return {
    completed: latencies.length,
    seconds: (performance.now() - start) / 1000,
    errors: 0,
    statusCounts: { 200: latencies.length },
    latenciesMs: Float64Array.from(latencies),
    samples: [],
  };
}
