import { dec } from '../../decimal/index.js';
import { OrderStore } from './order-store.js';
import type { PaperOrder } from './paper-order.js';
import { ZERO } from '../market/paper-quote.js';

function order(id: number, status: PaperOrder['status'], parent: PaperOrder | null = null): PaperOrder {
  const created: PaperOrder = {
    brokerOrderId: `o-${id}`,
    clientOrderId: `c-${id}`,
    symbol: 'TEST',
    side: 'buy',
    type: 'limit',
    timeInForce: 'gtc',
    quantity: dec(1),
    filledQuantity: ZERO,
    filledNotional: ZERO,
    price: dec(1),
    stopPrice: null,
    status,
    role: parent ? 'take_profit' : 'entry',
    reason: null,
    createdMs: 0,
    updatedMs: 0,
    triggered: false,
    rested: false,
    expiresAtMs: null,
    parent,
    children: [],
  };
  parent?.children.push(created);
  return created;
}

describe('OrderStore', () => {
  it('finds an order by client id, open or final', () => {
    const store = new OrderStore('o');
    const open = order(1, 'submitted');
    const done = order(2, 'cancelled');
    store.add(open);
    store.add(done);
    expect(store.byClient('c-1')).toBe(open);
    expect(store.byClient('c-2')).toBe(done);
    expect(store.byClient('c-3')).toBeUndefined();
    expect(store.open()).toEqual([open]);
  });

  it('forgets the oldest final orders beyond the cap, by broker id and by client id alike', () => {
    const store = new OrderStore('o', 10);
    for (let id = 1; id <= 11; id++) store.add(order(id, 'filled'));
    // Over the cap by one: a batch of a tenth of the cap (1) goes.
    expect(store.get('o-1')).toBeUndefined();
    expect(store.byClient('c-1')).toBeUndefined();
    expect(store.hasClientOrderId('c-1')).toBe(false);
    expect(store.byClient('c-2')?.brokerOrderId).toBe('o-2');
    expect(store.hasClientOrderId('c-11')).toBe(true);
  });

  it('does not unmap a client id that a newer order took once the old one was forgotten', () => {
    const store = new OrderStore('o', 1);
    const old = order(1, 'filled');
    const reused = { ...order(2, 'filled'), clientOrderId: 'c-1' };
    store.add(old);
    store.add(reused);
    expect(store.get('o-1')).toBeUndefined();
    expect(store.byClient('c-1')).toBe(reused);
  });

  it('keeps a final bracket entry while a child is open, and prunes it once the child is final', () => {
    const store = new OrderStore('o', 2);
    const entry = order(1, 'filled');
    const child = order(2, 'submitted', entry);
    store.add(entry);
    store.add(child);
    for (let id = 3; id <= 6; id++) store.add(order(id, 'filled'));
    expect(store.byClient('c-1')).toBe(entry);
    expect(store.get('o-3')).toBeUndefined();

    child.status = 'cancelled';
    store.settle(child);
    for (let id = 7; id <= 9; id++) store.add(order(id, 'filled'));
    expect(store.byClient('c-1')).toBeUndefined();
    expect(store.get('o-1')).toBeUndefined();
  });
});
