import { decodeCursor, encodeCursor } from '../../common/pagination/cursor.js';
import type { BacktestRecord } from './backtest-record.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The cursor that continues after `record`, the last row of a page of GET /backtests. */
export function backtestCursor(record: Pick<BacktestRecord, 'createdAt' | 'id'>): string {
  return encodeCursor({ at: record.createdAt, id: record.id });
}

/** Reads a cursor from `backtestCursor`; a 400 for anything else. */
export function decodeBacktestCursor(cursor: string): { createdAt: string; id: string } {
  const { at, id } = decodeCursor(cursor, (candidate) => UUID.test(candidate));
  return { createdAt: new Date(at).toISOString(), id };
}
