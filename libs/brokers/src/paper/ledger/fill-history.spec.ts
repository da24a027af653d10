import type { Fill } from '../../domain/index.js';
import { FillHistory } from './fill-history.js';

function fill(sequence: number, timeMs: number): Fill {
  return {
    executionId: `x-${sequence}`,
    brokerOrderId: 'o-1',
    clientOrderId: 'c-1',
    symbol: 'TEST',
    side: 'buy',
    quantity: '1',
    price: '100',
    fee: '0',
    feeCurrency: 'USD',
    liquidity: 'taker',
    executedAt: new Date(timeMs).toISOString(),
  };
}

describe('FillHistory', () => {
  it('returns fills at or after a time in booking order, even when the clock stepped back', () => {
    const history = new FillHistory();
    history.add(fill(1, 1000));
    history.add(fill(2, 3000));
    history.add(fill(3, 2000));
    expect(history.since(2000).map((f) => f.executionId)).toEqual(['x-2', 'x-3']);
    expect(history.since(3001)).toEqual([]);
  });

  it('keeps at least the latest maxFills, trimming a tenth at a time', () => {
    const history = new FillHistory(10);
    for (let sequence = 1; sequence <= 11; sequence++) history.add(fill(sequence, sequence));
    expect(history.since(0)).toHaveLength(11);
    history.add(fill(12, 12));
    expect(history.since(0).map((f) => f.executionId)).toEqual(
      Array.from({ length: 10 }, (_, i) => `x-${i + 3}`),
    );
  });
});
