export const ORDER_STATUSES = [
  'new',
  'submitted',
  'partially_filled',
  'filled',
  'cancelled',
  'rejected',
  'expired',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

const FINAL_STATUSES: ReadonlySet<OrderStatus> = new Set(['filled', 'cancelled', 'rejected', 'expired']);

/** A final order never changes again. */
export function isFinalStatus(status: OrderStatus): boolean {
  return FINAL_STATUSES.has(status);
}
