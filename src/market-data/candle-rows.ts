import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../persistence/database.js';
import { candles } from '../persistence/schema/index.js';
import type { CandleKey, StoredBar } from './candle.repository.js';

/**
 * Rows per statement. Each column goes as one array parameter, so neither PostgreSQL's 65 535 nor
 * PGlite's parameter limit is near; the chunk bounds the statement's size and its lock time instead.
 */
const INSERT_CHUNK = 5000;

/** A database or a transaction: whatever runs the statements. */
type Executor = Pick<Database, 'execute'>;

function column(bars: readonly StoredBar[], pick: (bar: StoredBar) => number | string, type: string): SQL {
  return sql`${sql.param(bars.map(pick))}::${sql.raw(type)}[]`;
}

/** Inserts `bars` under `key` in chunks; a bar whose open time is stored already is left as it was. */
export async function insertCandleRows(
  db: Executor,
  key: CandleKey,
  bars: readonly StoredBar[],
): Promise<void> {
  for (let start = 0; start < bars.length; start += INSERT_CHUNK) {
    const chunk = bars.slice(start, start + INSERT_CHUNK);
    await db.execute(sql`
      insert into ${candles} (source, symbol, timeframe, open_time, open, high, low, close, volume)
      select ${key.source}, ${key.symbol}, ${key.timeframe}, v.open_time, v.open, v.high, v.low, v.close,
        v.volume
      from unnest(
        ${column(chunk, (bar) => new Date(bar.time).toISOString(), 'timestamptz')},
        ${column(chunk, (bar) => bar.open, 'float8')},
        ${column(chunk, (bar) => bar.high, 'float8')},
        ${column(chunk, (bar) => bar.low, 'float8')},
        ${column(chunk, (bar) => bar.close, 'float8')},
        ${column(chunk, (bar) => bar.volume, 'float8')}
      ) as v(open_time, open, high, low, close, volume)
      on conflict (source, symbol, timeframe, open_time) do nothing`);
  }
}
