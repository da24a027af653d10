import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../src/persistence/database.js';
import { fillCursor } from '../../src/trades/fill-cursor.js';
import { seededAt } from './seed-fills.js';

/** One read of the trade log: as an HTTP request to the app, and as the SQL it comes down to. */
export interface Scenario {
  readonly name: string;
  /** Path and query of GET /trades. */
  readonly path: string;
  /** The same rows straight from the database: what the repository issues, without the app around it. */
  readonly query: SQL;
}

export const PAGE = 100;
const HOUR = 3_600_000;

const COLUMNS = sql.raw(
  'id, account, execution_id, order_id, broker_order_id, client_order_id, symbol, side, quantity, price, ' +
    'fee, fee_currency, liquidity, strategy, executed_at',
);
const NEWEST_FIRST = sql.raw(`order by executed_at desc, id desc limit ${PAGE}`);

/**
 * The four reads the bench measures on a seed of `count` fills. The deep page continues after the fill 90 %
 * down the whole log, newest first: its cursor is looked up in the seeded database.
 */
export async function buildScenarios(db: Database, count: number): Promise<Scenario[]> {
  const deepOffset = Math.floor(count * 0.9);
  const result = await db.execute(
    sql`select executed_at, id from fills order by executed_at desc, id desc offset ${deepOffset - 1} limit 1`,
  );
  const [deep] = (result as { rows: { executed_at: string | Date; id: string | number }[] }).rows;
  if (deep === undefined) throw new Error(`the seed has fewer than ${deepOffset} fills`);
  const deepAt = new Date(deep.executed_at).toISOString();
  const deepId = String(deep.id);
  // An hour in the middle of the seeded span.
  const middle = seededAt(Math.floor(count / 2)).getTime();
  const from = new Date(middle).toISOString();
  const to = new Date(middle + HOUR).toISOString();
  return [
    {
      name: 'first page',
      path: `/trades?limit=${PAGE}`,
      query: sql`select ${COLUMNS} from fills ${NEWEST_FIRST}`,
    },
    {
      name: 'account+symbol',
      path: `/trades?account=bench-1&symbol=ETHUSDT&limit=${PAGE}`,
      query: sql`select ${COLUMNS} from fills where account = ${'bench-1'} and symbol = ${'ETHUSDT'} ${NEWEST_FIRST}`,
    },
    {
      name: `deep page (after row ${deepOffset.toLocaleString('en')})`,
      path: `/trades?limit=${PAGE}&cursor=${encodeURIComponent(fillCursor({ executedAt: deepAt, id: deepId }))}`,
      query: sql`select ${COLUMNS} from fills
        where (executed_at, id) < (${deepAt}::timestamptz, ${deepId}::bigint) ${NEWEST_FIRST}`,
    },
    {
      name: 'time range (1 h)',
      path: `/trades?from=${from}&to=${to}&limit=${PAGE}`,
      query: sql`select ${COLUMNS} from fills
        where executed_at >= ${from}::timestamptz and executed_at <= ${to}::timestamptz ${NEWEST_FIRST}`,
    },
  ];
}
