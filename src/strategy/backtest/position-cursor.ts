import { ValidationFailedError } from '../../common/errors/app-error.js';

/**
 * A cursor into a list that does not change once written (a run's trades, a sweep's ranking): the position
 * of the next item, tagged with the list it belongs to so one list's cursor is refused by another.
 */
export function encodePositionCursor(list: string, position: number): string {
  return Buffer.from(JSON.stringify([list, position])).toString('base64url');
}

export function decodePositionCursor(cursor: string, list: string, field: string): number {
  if (cursor.length <= 128) {
    try {
      const [tag, position] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
      if (tag === list && Number.isSafeInteger(position) && (position as number) >= 0)
        return position as number;
    } catch {
      // reported below
    }
  }
  throw new ValidationFailedError(`${field} is not one this API handed out`, { field });
}
