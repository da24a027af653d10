import { dec } from '../../decimal/index.js';
import { NetPosition } from './net-position.js';

describe('NetPosition', () => {
  const fill = (position: NetPosition, quantity: string, price: string): string =>
    position.apply(dec(quantity), dec(price)).toFixed();

  it('averages additions and realizes nothing', () => {
    const position = new NetPosition();
    expect(fill(position, '2', '10')).toBe('0');
    expect(fill(position, '2', '11')).toBe('0');
    expect(position.averagePrice().toFixed()).toBe('10.5');
    expect(position.unrealizedPnl(dec('12')).toFixed()).toBe('6');
  });

  it('realizes against the average when reducing and keeps the average of the rest', () => {
    const position = new NetPosition();
    fill(position, '4', '10');
    expect(fill(position, '-1', '12')).toBe('2');
    expect([position.quantity.toFixed(), position.averagePrice().toFixed()]).toEqual(['3', '10']);
    expect(fill(position, '-3', '9')).toBe('-3');
    expect([position.quantity.toFixed(), position.cost.toFixed(), position.realizedPnl.toFixed()]).toEqual([
      '0',
      '0',
      '-1',
    ]);
  });

  it('flips through zero: realizes the closed part, opens the rest at the fill price', () => {
    const position = new NetPosition();
    fill(position, '-2', '50');
    expect(fill(position, '5', '45')).toBe('10');
    expect([position.quantity.toFixed(), position.averagePrice().toFixed()]).toEqual(['3', '45']);
    expect(position.unrealizedPnl(dec('44')).toFixed()).toBe('-3');
  });

  it('realizes exactly proceeds minus cost over a round trip with non-terminating averages', () => {
    const position = new NetPosition();
    fill(position, '1', '100');
    fill(position, '2', '101');
    let realized = dec(0);
    for (let i = 0; i < 3; i++) realized = realized.plus(position.apply(dec('-1'), dec('102.37')));
    // 3 × 102.37 − (100 + 202)
    expect(realized.toFixed()).toBe('5.11');
    expect(position.realizedPnl.toFixed()).toBe('5.11');
    expect(position.cost.eq(0)).toBe(true);
  });

  it('handles shorts symmetrically', () => {
    const position = new NetPosition();
    fill(position, '-3', '20');
    expect(position.averagePrice().toFixed()).toBe('20');
    expect(position.unrealizedPnl(dec('18')).toFixed()).toBe('6');
    expect(fill(position, '1', '21')).toBe('-1');
  });
});
