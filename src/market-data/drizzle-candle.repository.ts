import { Injectable } from '@nestjs/common';
import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { InjectDatabase, type Database } from '../persistence/database.js';
import { candleRanges, candles } from '../persistence/schema/index.js';
import { insertCandleRows } from './candle-rows.js';
import { CandleRepository, type CandleKey, type StoredBar } from './candle.repository.js';
import { mergeSpans, type TimeSpan } from './time-spans.js';

/** Bars and fetched spans on PostgreSQL (PGlite or a server). */
@Injectable()
export class DrizzleCandleRepository extends CandleRepository {
  constructor(@InjectDatabase() private readonly db: Database) {
    super();
  }

  async read(key: CandleKey, span: TimeSpan): Promise<StoredBar[]> {
    const rows = await this.db
      .select({
        openTime: candles.openTime,
        open: candles.open,
        high: candles.high,
        low: candles.low,
        close: candles.close,
        volume: candles.volume,
      })
      .from(candles)
      .where(
        and(
          eq(candles.source, key.source),
          eq(candles.symbol, key.symbol),
          eq(candles.timeframe, key.timeframe),
          gte(candles.openTime, new Date(span.firstMs)),
          lte(candles.openTime, new Date(span.lastMs)),
        ),
      )
      .orderBy(asc(candles.openTime));
    return rows.map(({ openTime, ...prices }) => ({ time: openTime.getTime(), ...prices }));
  }

  insert(key: CandleKey, bars: readonly StoredBar[]): Promise<void> {
    return insertCandleRows(this.db, key, bars);
  }

  async coveredSpans(key: CandleKey, span: TimeSpan): Promise<TimeSpan[]> {
    const rows = await this.db
      .select({ first: candleRanges.firstOpenTime, last: candleRanges.lastOpenTime })
      .from(candleRanges)
      .where(and(this.ofKey(key), overlapping(span)));
    return mergeSpans(rows.map(({ first, last }) => ({ firstMs: first.getTime(), lastMs: last.getTime() })));
  }

  async addCoveredSpan(key: CandleKey, span: TimeSpan): Promise<void> {
    // One transaction: the spans it absorbs go as the merged one arrives, so a reader sees either.
    await this.db.transaction(async (tx) => {
      const touching = await tx
        .select({ first: candleRanges.firstOpenTime, last: candleRanges.lastOpenTime })
        .from(candleRanges)
        .where(and(this.ofKey(key), overlapping({ firstMs: span.firstMs - 1, lastMs: span.lastMs + 1 })));
      const [merged = span] = mergeSpans([
        span,
        ...touching.map(({ first, last }) => ({ firstMs: first.getTime(), lastMs: last.getTime() })),
      ]);
      if (touching.length > 0)
        await tx.delete(candleRanges).where(
          and(
            this.ofKey(key),
            inArray(
              candleRanges.firstOpenTime,
              touching.map((row) => row.first),
            ),
          ),
        );
      // A concurrent load of the same span may have written it meanwhile: keep the longer.
      await tx
        .insert(candleRanges)
        .values({
          ...key,
          firstOpenTime: new Date(merged.firstMs),
          lastOpenTime: new Date(merged.lastMs),
        })
        .onConflictDoUpdate({
          target: [
            candleRanges.source,
            candleRanges.symbol,
            candleRanges.timeframe,
            candleRanges.firstOpenTime,
          ],
          set: { lastOpenTime: sql`greatest(${candleRanges.lastOpenTime}, excluded.last_open_time)` },
        });
    });
  }

  private ofKey(key: CandleKey) {
    return and(
      eq(candleRanges.source, key.source),
      eq(candleRanges.symbol, key.symbol),
      eq(candleRanges.timeframe, key.timeframe),
    );
  }
}

function overlapping(span: TimeSpan) {
  return and(
    lte(candleRanges.firstOpenTime, new Date(span.lastMs)),
    gte(candleRanges.lastOpenTime, new Date(span.firstMs)),
  );
}
