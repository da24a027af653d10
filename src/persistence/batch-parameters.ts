import { sql, type SQL } from 'drizzle-orm';

/**
 * One column of a batch as a single array parameter, for `unnest(…)`: a statement binds the same few
 * parameters whatever the batch's size, and PostgreSQL plans it once per shape.
 */
export function arrayParameter<T>(
  items: readonly T[],
  pick: (item: T) => string | number | null,
  type: string,
): SQL {
  return sql`${sql.param(items.map(pick))}::${sql.raw(type)}[]`;
}

/** The rows of a raw `execute`: node-postgres and PGlite both answer `{ rows }`, typed apart. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows?: T[] }).rows ?? [];
}
