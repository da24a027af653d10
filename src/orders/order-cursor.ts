import { decodeCursor, encodeCursor } from '../common/pagination/cursor.js';
import type { OrderView } from './dto/order.view.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The cursor that continues after `order`, the last row of a page. */
export function orderCursor(order: Pick<OrderView, 'createdAt' | 'id'>): string {
  return encodeCursor({ at: order.createdAt, id: order.id });
}

/** Reads a cursor from `orderCursor`; a 400 (validation error) for anything else. */
export function decodeOrderCursor(cursor: string): { createdAt: string; id: string } {
  const { at, id } = decodeCursor(cursor, (candidate) => UUID.test(candidate));
  return { createdAt: new Date(at).toISOString(), id };
}
