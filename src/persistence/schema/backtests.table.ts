import {
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { instant } from './columns.js';

/** Raw bytes: a finished run's curves and trades in the compact encoding of src/strategy. */
const bytes = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  // PGlite answers Uint8Array, pg a Buffer: both become a Buffer over the same memory.
  fromDriver: (value) =>
    Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.length),
});

/**
 * Backtest jobs, single runs and sweeps alike: what was asked (strategy, parameters or grid, data source,
 * settings), where the job is, and when completed the statistics and the result of its (best) run. The
 * curves and trades are one compact blob read only when someone asks for them; listings never touch it.
 */
export const backtests = pgTable(
  'backtests',
  {
    id: uuid('id').primaryKey(),
    strategy: text('strategy').notNull(),
    /** The resolved parameters of a single run; of a sweep, those of its best combination once done. */
    parameters: jsonb('parameters'),
    /** A sweep's grid (parameter → values); null for a single run. */
    grid: jsonb('grid'),
    /** Where the bars came from: an account's history or an uploaded dataset, with the range. */
    source: jsonb('source').notNull(),
    /** The run's main symbol and timeframe, for filtering (the benchmark); timeframe null when unknown. */
    symbol: text('symbol').notNull(),
    timeframe: text('timeframe'),
    settings: jsonb('settings').notNull(),
    status: text('status').notNull(),
    /** 0..1 */
    progress: real('progress').notNull().default(0),
    error: text('error'),
    combinations: integer('combinations').notNull(),
    bars: integer('bars'),
    statistics: jsonb('statistics'),
    result: bytes('result'),
    createdAt: instant('created_at').notNull(),
    startedAt: instant('started_at'),
    finishedAt: instant('finished_at'),
    /** Moved on by the process running the job; a stale one after a crash says nobody runs it. */
    heartbeatAt: instant('heartbeat_at'),
  },
  (table) => [
    index('backtests_created_at_id_idx').on(table.createdAt, table.id),
    index('backtests_status_idx').on(table.status),
  ],
);

/**
 * The statistics of every parameter combination a job ran: one row for a single run, one per grid point of
 * a sweep (whose curves are not kept, only those of its best). Sweep rankings and the benchmark read these.
 */
export const backtestCombinations = pgTable(
  'backtest_combinations',
  {
    backtestId: uuid('backtest_id')
      .notNull()
      .references(() => backtests.id, { onDelete: 'cascade' }),
    index: integer('index').notNull(),
    parameters: jsonb('parameters').notNull(),
    statistics: jsonb('statistics').notNull(),
  },
  (table) => [primaryKey({ columns: [table.backtestId, table.index] })],
);
