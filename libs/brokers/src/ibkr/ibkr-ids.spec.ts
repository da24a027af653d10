import { FIRST_REQUEST_ID, IbkrOrderIds, IbkrRequestIds } from './ibkr-ids.js';

describe('IB ids', () => {
  it('takes the next valid id at first, then counts up', () => {
    const ids = new IbkrOrderIds();
    ids.acceptNextValid(100);
    expect([ids.take(), ids.take()]).toEqual([100, 101]);
  });

  it('stays above every id it used or saw when nextValidId rolls back', () => {
    const ids = new IbkrOrderIds();
    ids.acceptNextValid(5);
    ids.take();
    ids.seen(40);
    ids.acceptNextValid(3);
    expect(ids.take()).toBe(41);
  });

  it('ignores request ids when keeping the order id mark, and keeps request ids apart', () => {
    const ids = new IbkrOrderIds();
    ids.seen(FIRST_REQUEST_ID + 5);
    ids.acceptNextValid(1);
    expect(ids.take()).toBe(1);
    const requests = new IbkrRequestIds();
    expect(requests.next()).toBe(FIRST_REQUEST_ID);
    expect(IbkrRequestIds.isRequestId(requests.next())).toBe(true);
  });
});
