import { BrokerTimeoutError, type BrokerAdapter } from '#brokers';
import { startPaperTestKit, type PaperTestKit } from '#brokers/paper/testing/paper-test-kit.js';
import { cancelOpenOrders } from './cancel-open-orders.js';

describe('cancelOpenOrders', () => {
  let kit: PaperTestKit;

  beforeEach(async () => {
    kit = await startPaperTestKit();
  });
  afterEach(() => kit.adapter.disconnect());

  /** The paper adapter, except that cancelling `failing` times out. */
  const failingOn = (failing: string): BrokerAdapter =>
    new Proxy(kit.adapter, {
      get(target, property, receiver) {
        if (property === 'cancelOrder') {
          return async (id: string) => {
            if (id === failing) throw new BrokerTimeoutError('broker timeout', { broker: 'paper' });
            return target.cancelOrder(id);
          };
        }
        const value: unknown = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });

  it('cancels the others when one cancel fails, and reports the failure', async () => {
    await kit.place({ side: 'buy', type: 'limit', quantity: '1', price: '90' });
    const stuck = await kit.place({ side: 'buy', type: 'limit', quantity: '1', price: '91' });
    await kit.place({ side: 'sell', type: 'limit', quantity: '1', price: '110' });

    const report = await cancelOpenOrders(failingOn(stuck), await kit.adapter.getOpenOrders());

    expect(report).toEqual({
      cancelled: 2,
      alreadyClosed: 0,
      failed: [expect.objectContaining({ brokerOrderId: stuck, symbol: 'TEST', error: 'broker timeout' })],
    });
    expect((await kit.adapter.getOpenOrders()).map((order) => order.brokerOrderId)).toEqual([stuck]);
  });

  it('counts bracket exits cancelled with their entry as closed, not failed', async () => {
    const entry = await kit.place({
      side: 'buy',
      type: 'limit',
      quantity: '1',
      price: '90',
      takeProfit: '120',
      stopLoss: '80',
    });
    const open = await kit.adapter.getOpenOrders();
    expect(open.length).toBeGreaterThanOrEqual(1);
    // Exits listed before their entry is cancelled go with it; only the entry counts as cancelled here.
    const report = await cancelOpenOrders(failingOn('none'), await kit.adapter.getOpenOrders());
    expect(report.failed).toEqual([]);
    expect(report.cancelled + report.alreadyClosed).toBe(open.length);
    expect((await kit.adapter.getOrder(entry)).status).toBe('cancelled');
    expect(await kit.adapter.getOpenOrders()).toEqual([]);
  });

  it('has nothing to do when nothing is open', async () => {
    expect(await cancelOpenOrders(kit.adapter, await kit.adapter.getOpenOrders())).toEqual({
      cancelled: 0,
      alreadyClosed: 0,
      failed: [],
    });
  });
});
