import { ValidationFailedError } from '../common/errors/app-error.js';
import { decodeCursor, encodeCursor } from '../common/pagination/cursor.js';
import type { FillRecord } from './fill-record.js';
import type { FillPosition } from './fill.repository.js';

/** Fill ids are bigints: a cursor holding anything else was not handed out by /trades. */
const BIGINT_ID = /^\d{1,19}$/;

/** The cursor that continues after `fill`, the last row of a page. */
export function fillCursor(fill: Pick<FillRecord, 'executedAt' | 'id'>): string {
  return encodeCursor({ at: fill.executedAt, id: fill.id });
}

/** Reads a cursor from `fillCursor`; a 400 (validation error) for anything else. */
export function decodeFillCursor(cursor: string): FillPosition {
  const { at, id } = decodeCursor(cursor);
  if (!BIGINT_ID.test(id)) throw new ValidationFailedError('cursor is not one this API handed out');
  return { executedAt: new Date(at).toISOString(), id };
}
