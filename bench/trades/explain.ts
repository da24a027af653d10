import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../src/persistence/database.js';

/** The plan PostgreSQL runs for `query`, with actual rows and buffers: it shows which index serves it. */
export async function explain(db: Database, query: SQL): Promise<string> {
  const result = await db.execute(sql`explain (analyze, buffers) ${query}`);
  const { rows } = result as { rows: { 'QUERY PLAN': string }[] };
  return rows.map((row) => `    ${row['QUERY PLAN']}`).join('\n');
}
