import { checkMaxOpenOrders } from './max-open-orders.rule.js';

describe('checkMaxOpenOrders', () => {
  it.each([
    [undefined, 500, null],
    [3, 0, null],
    [3, 2, null],
    [3, 3, 'max open orders 3 reached: 3 open, this order would make 4'],
    [1, 5, 'max open orders 1 reached: 5 open, this order would make 6'],
  ])('limit %s with %s open → %s', (limit, open, message) => {
    const violation = checkMaxOpenOrders(limit, open);
    expect(violation?.message ?? null).toBe(message);
    if (violation)
      expect(violation).toEqual(expect.objectContaining({ rule: 'max_open_orders', limit: String(limit) }));
  });
});
