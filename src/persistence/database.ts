import { Inject } from '@nestjs/common';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type * as schema from './schema/index.js';

/** The driver under Drizzle, a pg Pool or PGlite: both run a statement's text with its parameters. */
export interface SqlClient {
  query<Row>(text: string, params: unknown[]): Promise<{ rows: Row[] }>;
}

/**
 * Drizzle over PostgreSQL: embedded PGlite or a server, the same schema and queries either way. Its
 * driver is there for the one statement too hot to be built by Drizzle per call (orderBatchQuery).
 */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema> & { readonly $client: SqlClient };

export const DATABASE = Symbol('DATABASE');

/** Injects the {@link Database}. */
export const InjectDatabase = (): ParameterDecorator => Inject(DATABASE);
