import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Database } from './database.js';
import { EventLoopFriendlyPGlite } from './event-loop-friendly-pglite.js';

/**
 * Runs one of the order path's hot statements by name. On the embedded database it is parsed and planned
 * once (planning the order batch took longer than running it); on a server it goes by its text, since a
 * named statement measured no faster there (PostgreSQL's planning is not what a batch waits for).
 */
export async function runNamedStatement<Row>(
  db: Database,
  name: string,
  text: string,
  params: unknown[],
): Promise<Row[]> {
  const client = db.$client;
  if (client instanceof EventLoopFriendlyPGlite)
    return (await client.queryPrepared<Row>(name, text, params)).rows;
  return (await client.query<Row>(text, params)).rows;
}

const dialect = new PgDialect();

/** A Drizzle statement run by name: rendered per call, parsed and planned once (its text must not vary). */
export function runNamedQuery<Row>(db: Database, name: string, statement: SQL): Promise<Row[]> {
  const { sql: text, params } = dialect.sqlToQuery(statement);
  return runNamedStatement<Row>(db, name, text, params);
}
