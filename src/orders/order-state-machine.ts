import { dec, isFinalStatus, type OrderStatus } from '#brokers';

const NEXT: Record<OrderStatus, readonly OrderStatus[]> = {
  new: ['submitted', 'partially_filled', 'filled', 'cancelled', 'rejected', 'expired'],
  submitted: ['partially_filled', 'filled', 'cancelled', 'rejected', 'expired'],
  partially_filled: ['partially_filled', 'filled', 'cancelled', 'expired'],
  filled: [],
  cancelled: [],
  rejected: [],
  expired: [],
};

export type TransitionVerdict =
  | { readonly kind: 'apply' }
  /** Nothing new: the same state reported again. */
  | { readonly kind: 'duplicate' }
  /** Would move the order backwards or out of a final state: keep the record, log the update. */
  | { readonly kind: 'illegal'; readonly reason: string };

/**
 * Decides whether a reported state may replace the current one. Filled quantity never shrinks and a final
 * order never changes, so a late or out-of-order callback cannot corrupt the record.
 */
export function judgeTransition(
  current: { status: OrderStatus; filledQuantity: string },
  reported: { status: OrderStatus; filledQuantity: string },
): TransitionVerdict {
  const filledBefore = dec(current.filledQuantity);
  const filledAfter = dec(reported.filledQuantity);
  if (filledAfter.lt(filledBefore)) {
    return {
      kind: 'illegal',
      reason: `filled quantity would shrink from ${current.filledQuantity} to ${reported.filledQuantity}`,
    };
  }
  if (reported.status === current.status && filledAfter.eq(filledBefore)) return { kind: 'duplicate' };
  if (isFinalStatus(current.status)) {
    return { kind: 'illegal', reason: `order is already ${current.status}; ${reported.status} arrived late` };
  }
  if (!NEXT[current.status].includes(reported.status)) {
    return { kind: 'illegal', reason: `${current.status} cannot become ${reported.status}` };
  }
  return { kind: 'apply' };
}
