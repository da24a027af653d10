import { checkMaxOrderNotional } from './max-order-notional.rule.js';

describe('checkMaxOrderNotional', () => {
  it.each([
    [undefined, '100', '65000', null],
    ['10000', '0.1', '65000', null],
    ['6500', '0.1', '65000', null],
    ['10000', '0.5', '65000', 'max order notional 10000 exceeded: 0.5 BTCUSDT at 65000 is 32500'],
    ['100', '0.3', '333.37', 'max order notional 100 exceeded: 0.3 BTCUSDT at 333.37 is 100.011'],
  ])('limit %s, %s at %s → %s', (limit, quantity, price, message) => {
    const violation = checkMaxOrderNotional(limit, { symbol: 'BTCUSDT', quantity }, price);
    expect(violation?.message ?? null).toBe(message);
    if (violation) expect(violation.rule).toBe('max_order_notional');
  });

  it('multiplies in decimals, never floats', () => {
    // 0.1 × 3 is 0.30000000000000004 in floating point, which would exceed 0.3.
    expect(checkMaxOrderNotional('0.3', { symbol: 'X', quantity: '0.1' }, '3')).toBeNull();
  });
});
