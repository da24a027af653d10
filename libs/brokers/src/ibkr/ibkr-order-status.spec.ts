import { toOrderStatus } from './ibkr-order-status.js';

describe('IB order statuses', () => {
  it.each([
    ['PendingSubmit', 0, 'new'],
    ['ApiPending', 0, 'new'],
    ['PreSubmitted', 0, 'submitted'],
    ['Submitted', 0, 'submitted'],
    ['Submitted', 3, 'partially_filled'],
    ['Filled', 10, 'filled'],
    ['Cancelled', 0, 'cancelled'],
    ['Cancelled', 4, 'cancelled'],
    ['ApiCancelled', 0, 'cancelled'],
    ['Inactive', 0, 'rejected'],
    ['PendingCancel', 0, undefined],
    ['Unknown', 0, undefined],
  ] as const)('%s with %i filled is %s', (status, filled, expected) => {
    expect(toOrderStatus(status, filled)).toBe(expected);
  });
});
