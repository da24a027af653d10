import { checkMaxOrderQuantity } from './max-order-quantity.rule.js';

describe('checkMaxOrderQuantity', () => {
  it.each([
    [undefined, '1000', null],
    ['1', '0.999', null],
    ['1', '1', null],
    ['1', '1.001', 'max order quantity 1 exceeded: 1.001 BTCUSDT'],
    ['0.5', '2', 'max order quantity 0.5 exceeded: 2 BTCUSDT'],
  ])('limit %s, quantity %s → %s', (limit, quantity, message) => {
    const violation = checkMaxOrderQuantity(limit, { symbol: 'BTCUSDT', quantity });
    expect(violation?.message ?? null).toBe(message);
    if (violation) expect(violation).toEqual({ rule: 'max_order_quantity', message, limit, value: quantity });
  });
});
