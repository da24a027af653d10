import { Injectable } from '@nestjs/common';
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { CursorPosition } from '../common/pagination/cursor.js';
import { InjectDatabase, type Database } from '../persistence/database.js';
import { candles, marketDatasets } from '../persistence/schema/index.js';
import { insertCandleRows } from './candle-rows.js';
import type { StoredBar } from './candle.repository.js';
import type { DatasetRecord } from './dataset-record.js';
import { DatasetRepository } from './dataset.repository.js';
import { datasetCandleKey } from './source-key.js';

type DatasetRow = typeof marketDatasets.$inferSelect;

function toRecord(row: DatasetRow): DatasetRecord {
  return {
    id: row.id,
    name: row.name,
    symbol: row.symbol,
    timeframe: row.timeframe,
    bars: row.barCount,
    firstTime: row.firstBarTime.toISOString(),
    lastTime: row.lastBarTime.toISOString(),
    createdAt: row.createdAt.toISOString(),
  };
}

/** Strictly after `after` in (created_at, id) descending order, as one index range. */
function before(after: CursorPosition): SQL {
  return sql`(${marketDatasets.createdAt}, ${marketDatasets.id}) < (${after.at}::timestamptz, ${after.id}::uuid)`;
}

/** Datasets on PostgreSQL (PGlite or a server); their bars in `candles` under `dataset:<id>`. */
@Injectable()
export class DrizzleDatasetRepository extends DatasetRepository {
  constructor(@InjectDatabase() private readonly db: Database) {
    super();
  }

  async create(dataset: DatasetRecord, bars: readonly StoredBar[]): Promise<void> {
    // One transaction: a failed chunk leaves no dataset listed with part of its bars.
    await this.db.transaction(async (tx) => {
      await tx.insert(marketDatasets).values({
        id: dataset.id,
        name: dataset.name,
        symbol: dataset.symbol,
        timeframe: dataset.timeframe,
        barCount: dataset.bars,
        firstBarTime: new Date(dataset.firstTime),
        lastBarTime: new Date(dataset.lastTime),
        createdAt: new Date(dataset.createdAt),
      });
      await insertCandleRows(tx, datasetCandleKey(dataset), bars);
    });
  }

  async list(limit: number, after?: CursorPosition): Promise<DatasetRecord[]> {
    const rows = await this.db
      .select()
      .from(marketDatasets)
      .where(after === undefined ? undefined : before(after))
      .orderBy(desc(marketDatasets.createdAt), desc(marketDatasets.id))
      .limit(limit);
    return rows.map(toRecord);
  }

  async get(id: string): Promise<DatasetRecord | null> {
    const [row] = await this.db.select().from(marketDatasets).where(eq(marketDatasets.id, id));
    return row === undefined ? null : toRecord(row);
  }

  async delete(id: string): Promise<DatasetRecord | null> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx.delete(marketDatasets).where(eq(marketDatasets.id, id)).returning();
      if (row === undefined) return null;
      const dataset = toRecord(row);
      const key = datasetCandleKey(dataset);
      await tx
        .delete(candles)
        .where(
          and(
            eq(candles.source, key.source),
            eq(candles.symbol, key.symbol),
            eq(candles.timeframe, key.timeframe),
          ),
        );
      return dataset;
    });
  }
}
