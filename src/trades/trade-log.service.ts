import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import type { Fill } from '#brokers';
import { ValidationFailedError } from '../common/errors/app-error.js';
import { fillCsvStream } from './csv/fill-csv.stream.js';
import type { FillPageView } from './dto/fill.view.js';
import { fillBatches } from './fill-batches.js';
import { decodeFillCursor, fillCursor } from './fill-cursor.js';
import type { FillRecord } from './fill-record.js';
import { FillRecorder } from './fill.recorder.js';
import { FillRepository, type FillFilter, type FillInsertOutcome } from './fill.repository.js';

/** Rows per query of a CSV export: large enough to amortize a round trip, small enough to stream. */
const EXPORT_BATCH = 2000;

/** A read of the trade log: what to match, and where the previous page ended (a cursor). */
export interface TradeLogQuery extends FillFilter {
  readonly cursor?: string;
}

/** The trade log: records fills, pages through them, exports them. */
@Injectable()
export class TradeLogService {
  constructor(
    private readonly recorder: FillRecorder,
    private readonly fills: FillRepository,
  ) {}

  /**
   * Stores fills of `account` (those fetched from the broker by reconciliation, say) through the same queue
   * as the live ones; fills stored already are skipped. Rejects only when the write failed every retry.
   */
  record(account: string, fills: readonly Fill[]): Promise<FillInsertOutcome> {
    return this.recorder.record(account, fills);
  }

  /** When the newest stored fill of `account` was executed; null before its first. */
  async lastExecutedAt(account: string): Promise<Date | null> {
    const [newest] = await this.fills.list({ account }, 1);
    return newest === undefined ? null : new Date(newest.executedAt);
  }

  /** One page, newest first; `nextCursor` is null on the last. */
  async page(query: TradeLogQuery, limit: number): Promise<FillPageView> {
    const items = await this.fills.list(checked(query), limit, position(query));
    const last = items.length === limit ? items.at(-1) : undefined;
    return { items, nextCursor: last ? fillCursor(last) : null };
  }

  /**
   * Every matching fill, oldest first, up to `max` (the newest `max` when there are more): what a
   * strategy's performance is worked out from.
   */
  async oldestFirst(filter: FillFilter, max: number): Promise<FillRecord[]> {
    const newest: FillRecord[] = [];
    for await (const batch of fillBatches(this.fills, checked(filter), EXPORT_BATCH)) {
      newest.push(...batch.slice(0, max - newest.length));
      if (newest.length >= max) break;
    }
    return newest.reverse();
  }

  /**
   * Every matching fill as a CSV stream. The first batch is read before the stream is handed out, so a bad
   * query or an unreachable database is still an error response rather than a cut-off file.
   */
  async exportCsv(query: TradeLogQuery): Promise<Readable> {
    const batches = fillBatches(this.fills, checked(query), EXPORT_BATCH, position(query));
    const first = await batches.next();
    return fillCsvStream(startingWith(first, batches));
  }
}

function checked(filter: FillFilter): FillFilter {
  if (filter.from !== undefined && filter.to !== undefined && filter.from > filter.to)
    throw new ValidationFailedError('from must not be after to');
  return filter;
}

function position(query: TradeLogQuery) {
  return query.cursor === undefined ? undefined : decodeFillCursor(query.cursor);
}

async function* startingWith(
  first: IteratorResult<FillRecord[]>,
  rest: AsyncGenerator<FillRecord[], void, undefined>,
): AsyncGenerator<FillRecord[], void, undefined> {
  if (first.done !== true) yield first.value;
  yield* rest;
}
