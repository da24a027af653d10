import type { OrderStatus } from '../domain/index.js';

/**
 * An IB order status in the domain's terms, or undefined when it says nothing new (PendingCancel: the
 * order still works until TWS confirms the cancel). PendingSubmit/ApiPending: TWS has the order but IB
 * has not accepted it yet (`new`); PreSubmitted: IB holds it, e.g. a stop waiting for its trigger, which
 * is a working order (`submitted`); Inactive: IB will not work it (rejected, or outside what the
 * account may trade), so it is final.
 */
export function toOrderStatus(ibStatus: string, filled: number): OrderStatus | undefined {
  switch (ibStatus) {
    case 'PendingSubmit':
    case 'ApiPending':
      return 'new';
    case 'PreSubmitted':
    case 'Submitted':
      return filled > 0 ? 'partially_filled' : 'submitted';
    case 'Filled':
      return 'filled';
    case 'Cancelled':
    case 'ApiCancelled':
      return 'cancelled';
    case 'Inactive':
      return 'rejected';
    default:
      return undefined;
  }
}
