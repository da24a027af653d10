import { KnownOrders } from './known-orders.js';
import type { OrderRecord } from './order-record.js';
import { restingOrderRecord } from './testing/resting-order-record.js';

const order = (clientOrderId: string): OrderRecord => restingOrderRecord(clientOrderId);

describe('KnownOrders', () => {
  it('finds an order by its id, its broker id and its client id, as last remembered', () => {
    const known = new KnownOrders();
    const placed = order('c-1');
    known.remember(placed);
    const acked = { ...placed, brokerOrderId: 'B-1', status: 'submitted' as const, revision: 1 };
    known.remember(acked);
    expect(known.get(placed.id)).toBe(acked);
    expect(known.findByBrokerOrderId('paper', 'B-1')).toBe(acked);
    expect(known.findByClientOrderId('paper', 'c-1')).toBe(acked);
    expect(known.findByClientOrderId('other', 'c-1')).toBeUndefined();
  });

  it('never goes back to an older revision of an order', () => {
    const known = new KnownOrders();
    const placed = order('c-1');
    const filled = { ...placed, status: 'filled' as const, revision: 2 };
    known.remember(filled);
    known.remember(placed);
    expect(known.get(placed.id)).toBe(filled);
  });

  it('forgets an order whole, and past its limit the one touched longest ago', () => {
    const known = new KnownOrders(2);
    const [a, b, c] = ['a', 'b', 'c'].map(order) as [OrderRecord, OrderRecord, OrderRecord];
    known.remember({ ...a, brokerOrderId: 'B-a' });
    known.remember(b);
    known.remember({ ...a, brokerOrderId: 'B-a', revision: 1 });
    known.remember(c);
    expect(known.size).toBe(2);
    expect(known.get(b.id)).toBeUndefined();
    expect(known.findByClientOrderId('paper', 'b')).toBeUndefined();
    known.forget(a.id);
    expect(known.findByBrokerOrderId('paper', 'B-a')).toBeUndefined();
    expect(known.findByClientOrderId('paper', 'a')).toBeUndefined();
    expect(known.get(c.id)).toBe(c);
  });
});
