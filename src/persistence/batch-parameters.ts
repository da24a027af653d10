import { sql, type SQL } from 'drizzle-orm';

/**
 * One column of a batch as a single array parameter, for `unnest(…)`: a statement binds the same few
 * parameters whatever the batch's size, and PostgreSQL plans it once per shape.
 */
function arrayParameter<T>(
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

/** A column of a batch: how to read it from an item, and its PostgreSQL type. */
export type BatchColumn<T> = readonly [pick: (item: T) => string | number | null, type: string];

/** The arguments of `unnest(…)` for a batch: one array parameter per column, in the order given. */
export function unnestArguments<T>(items: readonly T[], columns: readonly BatchColumn<T>[]): SQL {
  return sql.join(
    columns.map(([pick, type]) => arrayParameter(items, pick, type)),
    sql`, `,
  );
}

/** What {@link unnestArguments} binds for a batch, without building the SQL: one array per column. */
export function columnArrays<T>(
  items: readonly T[],
  columns: readonly BatchColumn<T>[],
): (string | number | null)[][] {
  return columns.map(([pick]) => items.map(pick));
}
