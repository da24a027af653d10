import type { Position } from '#brokers';
import { positionQuantity, signedOrderQuantity } from './position-quantity.js';

const position = (symbol: string, quantity: string): Position => ({
  symbol,
  quantity,
  side: quantity.startsWith('-') ? 'short' : 'long',
  averagePrice: '1',
  markPrice: '1',
  unrealizedPnl: '0',
  realizedPnl: '0',
  marginUsed: '0',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

describe('positionQuantity and signedOrderQuantity', () => {
  it('reads the signed position of the symbol, zero when none', () => {
    const positions = [position('BTCUSDT', '0.5'), position('ETHUSDT', '-2')];
    expect(positionQuantity(positions, 'BTCUSDT').toString()).toBe('0.5');
    expect(positionQuantity(positions, 'ETHUSDT').toString()).toBe('-2');
    expect(positionQuantity(positions, 'SOLUSDT').toString()).toBe('0');
  });

  it('signs an order by its side', () => {
    expect(signedOrderQuantity({ side: 'buy', quantity: '1.5' }).toString()).toBe('1.5');
    expect(signedOrderQuantity({ side: 'sell', quantity: '1.5' }).toString()).toBe('-1.5');
  });
});
