import { decodeCursor, encodeCursor } from '../common/pagination/cursor.js';
import type { FillRecord } from './fill-record.js';
import type { FillPosition } from './fill.repository.js';

/** Fill ids are PostgreSQL bigints: positive and at most 2^63 - 1. */
const MAX_BIGINT = 2n ** 63n - 1n;

function isFillId(id: string): boolean {
  return /^\d{1,19}$/.test(id) && BigInt(id) <= MAX_BIGINT;
}

/** The cursor that continues after `fill`, the last row of a page. */
export function fillCursor(fill: Pick<FillRecord, 'executedAt' | 'id'>): string {
  return encodeCursor({ at: fill.executedAt, id: fill.id });
}

/** Reads a cursor from `fillCursor`; a 400 (validation error) for anything else. */
export function decodeFillCursor(cursor: string): FillPosition {
  const { at, id } = decodeCursor(cursor, isFillId);
  return { executedAt: new Date(at).toISOString(), id };
}
