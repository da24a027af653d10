import { ValidationFailedError } from '../errors/app-error.js';
import { isZonedTime } from '../validation/is-zoned-time.js';

/** A position in a newest-first listing: the time and id of the last row of the previous page. */
export interface CursorPosition {
  readonly at: string;
  readonly id: string;
}

/** Cursors are short; anything much longer was not handed out here and is not worth decoding. */
const MAX_CURSOR_LENGTH = 256;

/** Opaque to clients: base64url of the position. */
export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.at, position.id])).toString('base64url');
}

/**
 * Reads a cursor from `encodeCursor`; `isId` says which ids the listing hands out. Anything else (a
 * tampered time or id) is a 400, never a query the database refuses.
 */
export function decodeCursor(cursor: string, isId: (id: string) => boolean): CursorPosition {
  if (cursor.length <= MAX_CURSOR_LENGTH) {
    try {
      const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
      if (isZonedTime(at) && typeof id === 'string' && isId(id)) return { at, id };
    } catch {
      // reported below
    }
  }
  throw new ValidationFailedError('cursor is not one this API handed out', { field: 'cursor' });
}
