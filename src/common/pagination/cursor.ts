import { ValidationFailedError } from '../errors/app-error.js';

/** A position in a newest-first listing: the time and id of the last row of the previous page. */
export interface CursorPosition {
  readonly at: string;
  readonly id: string;
}

/** Opaque to clients: base64url of the position. */
export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.at, position.id])).toString('base64url');
}

export function decodeCursor(cursor: string): CursorPosition {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof at === 'string' && typeof id === 'string' && !Number.isNaN(Date.parse(at))) return { at, id };
  } catch {
    // reported below
  }
  throw new ValidationFailedError('cursor is not one this API handed out');
}
