import type { OrderView } from '../../orders/dto/order.view.js';
import { RunOrderBook } from './run-order-book.js';

const view = (fields: Partial<OrderView>): OrderView =>
  ({
    id: 'stored-1',
    account: 'paper',
    clientOrderId: 'rn-1',
    side: 'buy',
    type: 'market',
    quantity: '10',
    filledQuantity: '0',
    averageFillPrice: null,
    price: null,
    stopPrice: null,
    status: 'new',
    role: 'entry',
    parentId: null,
    rejectReason: null,
    updatedAt: '2026-12-02T00:00:00.000Z',
    ...fields,
  }) as OrderView;

function bookWithEntry(): RunOrderBook {
  const book = new RunOrderBook('GOOG');
  book.track({
    id: 'rn-1',
    symbol: 'GOOG',
    side: 'buy',
    type: 'market',
    quantity: 10,
    filledQuantity: 0,
    limitPrice: null,
    stopPrice: null,
    status: 'open',
    parentId: null,
    tag: null,
    reason: null,
  });
  return book;
}

describe('RunOrderBook', () => {
  it('turns each stored change that fills more into a fill priced from the moving average', () => {
    const book = bookWithEntry();
    expect(book.apply(view({ status: 'acknowledged' })).fill).toBeNull();
    const first = book.apply(
      view({ status: 'partially_filled', filledQuantity: '4', averageFillPrice: '100' }),
    );
    expect(first.fill).toEqual(expect.objectContaining({ orderId: 'rn-1', quantity: 4, price: 100 }));
    const second = book.apply(view({ status: 'filled', filledQuantity: '10', averageFillPrice: '101.2' }));
    // (10 × 101.2 − 4 × 100) / 6 = 102
    expect(second.fill?.quantity).toBe(6);
    expect(second.fill?.price).toBeCloseTo(102, 9);
    expect(book.position).toBe(10);
    expect(book.open()).toEqual([]);
  });

  it('never steps back: a change older than what the placement answered adds nothing', () => {
    const book = bookWithEntry();
    book.apply(view({ status: 'filled', filledQuantity: '10', averageFillPrice: '100' }));
    expect(book.apply(view({ status: 'new' }))).toEqual({ fill: null, rejected: null });
    expect(book.get('rn-1')?.status).toBe('filled');
    expect(book.position).toBe(10);
  });

  it('takes in the legs of its bracket and their fills move the position back', () => {
    const book = bookWithEntry();
    book.apply(view({ status: 'filled', filledQuantity: '10', averageFillPrice: '100' }));
    const leg = view({
      id: 'stored-2',
      clientOrderId: 'rn-1-sl',
      side: 'sell',
      type: 'stop',
      stopPrice: '95',
      role: 'stop_loss',
      parentId: 'stored-1',
      status: 'acknowledged',
    });
    book.apply(leg);
    expect(book.open()).toEqual([
      expect.objectContaining({ id: 'rn-1-sl', parentId: 'rn-1', stopPrice: 95 }),
    ]);
    book.apply({ ...leg, status: 'filled', filledQuantity: '10', averageFillPrice: '95' });
    expect(book.position).toBe(0);
  });

  it('reports a rejection once, and ignores orders that are not the run’s', () => {
    const book = bookWithEntry();
    expect(book.apply(view({ status: 'rejected', rejectReason: 'no money' })).rejected).toEqual(
      expect.objectContaining({ id: 'rn-1', reason: 'no money' }),
    );
    expect(book.apply(view({ status: 'rejected' })).rejected).toBeNull();
    expect(book.apply(view({ id: 'other', clientOrderId: 'er-x' }))).toEqual({ fill: null, rejected: null });
  });

  it('forgets orders known only from a link after a restart: they were never placed', () => {
    const book = bookWithEntry();
    expect(book.forgetUnplaced()).toBe(1);
    expect(book.has('rn-1')).toBe(false);
  });
});
