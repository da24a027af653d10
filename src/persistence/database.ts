import { Inject } from '@nestjs/common';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type * as schema from './schema/index.js';

/** Drizzle over PostgreSQL: embedded PGlite or a server, the same schema and queries either way. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export const DATABASE = Symbol('DATABASE');

/** Injects the {@link Database}. */
export const InjectDatabase = (): ParameterDecorator => Inject(DATABASE);
