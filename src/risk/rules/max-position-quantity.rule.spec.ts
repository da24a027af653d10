import { dec, type OrderRequest } from '#brokers';
import { checkMaxPositionQuantity, positionLimitFor } from './max-position-quantity.rule.js';

const order = (symbol: string, side: 'buy' | 'sell', quantity: string): OrderRequest => ({
  clientOrderId: 'c',
  symbol,
  side,
  type: 'market',
  quantity,
  timeInForce: 'gtc',
});

describe('positionLimitFor', () => {
  it.each([
    [undefined, 'BTCUSDT', undefined],
    [{ BTCUSDT: '1' }, 'BTCUSDT', '1'],
    [{ BTCUSDT: '1' }, 'ETHUSDT', undefined],
    [{ BTCUSDT: '1', '*': '10' }, 'ETHUSDT', '10'],
    [{ BTCUSDT: '1', '*': '10' }, 'BTCUSDT', '1'],
  ])('%j for %s → %s', (limits, symbol, expected) => {
    expect(positionLimitFor(limits, symbol)).toBe(expected);
  });
});

describe('checkMaxPositionQuantity', () => {
  const limits = { BTCUSDT: '1', '*': '10' };
  it.each<[string, OrderRequest, string, string | null]>([
    ['a buy within the limit', order('BTCUSDT', 'buy', '0.5'), '0.4', null],
    ['a buy up to the limit exactly', order('BTCUSDT', 'buy', '0.6'), '0.4', null],
    [
      'a buy beyond it',
      order('BTCUSDT', 'buy', '0.7'),
      '0.4',
      'max position quantity 1 BTCUSDT exceeded: position 0.4 would become 1.1',
    ],
    [
      'a sell beyond it on the short side',
      order('BTCUSDT', 'sell', '1.2'),
      '0',
      'max position quantity 1 BTCUSDT exceeded: position 0 would become -1.2',
    ],
    [
      'a flip from long to a short beyond it',
      order('BTCUSDT', 'sell', '2.5'),
      '1',
      'max position quantity 1 BTCUSDT exceeded: position 1 would become -1.5',
    ],
    ['a reducing sell while above the limit', order('BTCUSDT', 'sell', '0.5'), '3', null],
    ['another symbol under the * default', order('ETHUSDT', 'buy', '9'), '1', null],
    [
      'another symbol beyond the * default',
      order('ETHUSDT', 'buy', '9.5'),
      '1',
      'max position quantity 10 ETHUSDT exceeded: position 1 would become 10.5',
    ],
  ])('%s', (_case, request, position, message) => {
    const violation = checkMaxPositionQuantity(limits, request, dec(position));
    expect(violation?.message ?? null).toBe(message);
    if (violation) expect(violation.rule).toBe('max_position_quantity');
  });

  it('checks nothing for a symbol without a limit', () => {
    expect(checkMaxPositionQuantity({ BTCUSDT: '1' }, order('ETHUSDT', 'buy', '1000'), dec(0))).toBeNull();
  });
});
