import { paramsError } from './bybit-params.js';

/**
 * Keyset paging as Bybit's `cursor`/`nextPageCursor`: lists run newest first by a sequence number that
 * only grows, and the cursor names the last one handed out, so items arriving between two pages never
 * shift a page. The token is opaque to clients; "" means no further page.
 */
export interface Page<T> {
  readonly list: T[];
  readonly nextPageCursor: string;
}

export function paginate<T>(
  items: readonly T[],
  sequenceOf: (item: T) => number,
  limit: number,
  cursor: string | undefined,
): Page<T> {
  const after = cursor === undefined ? Infinity : decodeCursor(cursor);
  const rest = items.filter((item) => sequenceOf(item) < after);
  const list = rest.slice(0, limit);
  const last = list.at(-1);
  const more = rest.length > limit && last !== undefined;
  return { list, nextPageCursor: more ? encodeCursor(sequenceOf(last)) : '' };
}

function encodeCursor(sequence: number): string {
  return Buffer.from(`seq=${sequence}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): number {
  const match = /^seq=(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw paramsError('cursor invalid');
  return Number(match[1]);
}
