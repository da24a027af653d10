import type { OrderEvent, OrderRecord } from './order-record.js';

/** One write of the order path, committed with the others of its batch. */
export type OrderWrite =
  | { readonly kind: 'insert'; readonly order: OrderRecord; readonly event: OrderEvent }
  | { readonly kind: 'update'; readonly order: OrderRecord; readonly event: OrderEvent | undefined };

/** What a write did: an insert answers the stored order; an update whether it applied (false: stale). */
export type OrderWriteResult =
  | { readonly kind: 'insert'; readonly order: OrderRecord; readonly created: boolean }
  | { readonly kind: 'update'; readonly applied: boolean };
