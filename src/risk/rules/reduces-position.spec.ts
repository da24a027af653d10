import { dec, type OrderRequest } from '#brokers';
import { reducesPosition } from './reduces-position.js';

const order = (side: 'buy' | 'sell', quantity: string, extra: Partial<OrderRequest> = {}): OrderRequest => ({
  clientOrderId: 'c',
  symbol: 'BTCUSDT',
  side,
  type: 'market',
  quantity,
  timeInForce: 'gtc',
  ...extra,
});

describe('reducesPosition', () => {
  it.each<[string, OrderRequest, string, boolean]>([
    ['sell part of a long', order('sell', '0.4'), '1', true],
    ['sell all of a long', order('sell', '1'), '1', true],
    ['sell more than the long (flips short)', order('sell', '1.5'), '1', false],
    ['buy more of a long', order('buy', '0.1'), '1', false],
    ['buy back part of a short', order('buy', '0.5'), '-1', true],
    ['sell more of a short', order('sell', '0.5'), '-1', false],
    ['anything when flat', order('sell', '0.1'), '0', false],
    ['a bracket, whose exits re-open', order('sell', '0.5', { stopLoss: '70000' }), '1', false],
  ])('%s → %s', (_case, request, position, expected) => {
    expect(reducesPosition(request, dec(position))).toBe(expected);
  });
});
