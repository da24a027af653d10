import { RestClientV5 } from 'bybit-api';
import {
  API_KEY,
  API_SECRET,
  type BybitSpecKit,
  collectUpdates,
  nextEvent,
  startBybitSpecKit,
} from './testing/bybit-spec-kit.js';

describe('BybitSimulator test hooks', () => {
  let kit: BybitSpecKit;

  beforeEach(async () => {
    kit = await startBybitSpecKit({ historyMinutes: 30 });
  });

  afterEach(async () => {
    await kit.close();
  });

  const limit = {
    category: 'linear',
    symbol: 'BTCUSDT',
    side: 'Buy',
    orderType: 'Limit',
    qty: '0.01',
    price: '60000',
  } as const;

  it('fails the next call of an endpoint with a chosen retCode, unprocessed, then answers normally', async () => {
    kit.simulator.failNext('/v5/order/create', { retCode: 10016, retMsg: 'Server error.' });
    const failed = await kit.rest.submitOrder(limit);
    expect([failed.retCode, failed.retMsg]).toEqual([10016, 'Server error.']);
    expect(kit.simulator.orders()).toEqual([]);
    expect((await kit.rest.submitOrder(limit)).retCode).toBe(0);
    expect(kit.simulator.orders()).toHaveLength(1);
  });

  it('fails calls with a bare HTTP status, which the client raises as an error', async () => {
    kit.simulator.failNext('/v5/account/wallet-balance', { httpStatus: 503 }, 2);
    await expect(kit.rest.getWalletBalance({ accountType: 'UNIFIED' })).rejects.toMatchObject({ code: 503 });
    await expect(kit.rest.getWalletBalance({ accountType: 'UNIFIED' })).rejects.toMatchObject({ code: 503 });
    expect((await kit.rest.getWalletBalance({ accountType: 'UNIFIED' })).retCode).toBe(0);
  });

  it('delays an answer but processes the request at once: a client that times out has still placed its order', async () => {
    kit.simulator.delayNext('/v5/order/create', 400);
    const impatient = new RestClientV5(
      { key: API_KEY, secret: API_SECRET, baseUrl: kit.baseUrl },
      { timeout: 100 },
    );
    await expect(impatient.submitOrder({ ...limit, orderLinkId: 'lost-ack' })).rejects.toBeDefined();
    const [order] = (
      await kit.rest.getActiveOrders({ category: 'linear', symbol: 'BTCUSDT', orderLinkId: 'lost-ack' })
    ).result.list;
    expect(order).toMatchObject({ orderLinkId: 'lost-ack', orderStatus: 'New' });
    // Retrying with the same orderLinkId is refused: the first attempt did reach the book.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await kit.rest.submitOrder({ ...limit, orderLinkId: 'lost-ack' })).retCode).toBe(110072);
  });

  it('moves prices by hand and by ticks of the random walk, for every account and the public data', async () => {
    await kit.simulator.setPrice('linear', 'ETHUSDT', { bid: '3300', ask: '3300.05' });
    const [eth] = (await kit.rest.getTickers({ category: 'linear', symbol: 'ETHUSDT' })).result.list;
    expect(eth).toMatchObject({ bid1Price: '3300', ask1Price: '3300.05', markPrice: '3300.025' });

    const before = (await kit.rest.getTickers({ category: 'spot', symbol: 'BTCUSDT' })).result.list[0]
      ?.lastPrice;
    await kit.simulator.tick(50);
    const after = (await kit.rest.getTickers({ category: 'spot', symbol: 'BTCUSDT' })).result.list[0]
      ?.lastPrice;
    expect(after).not.toBe(before);
    expect(() => kit.simulator.setPrice('linear', 'BTCUSDT', '65000.05')).toThrow(RangeError);
  });

  it('keeps configured accounts apart: their own balance, orders and pushes, one shared market', async () => {
    const two = await startBybitSpecKit({
      historyMinutes: 5,
      accounts: [
        { apiKey: API_KEY, apiSecret: API_SECRET, startingBalance: '100000' },
        { apiKey: 'second-key', apiSecret: 'second-secret', startingBalance: '2500' },
      ],
    });
    try {
      const second = two.restWith({ key: 'second-key', secret: 'second-secret' });
      const secondWs = two.ws('private', { key: 'second-key', secret: 'second-secret' });
      const secondOrders = collectUpdates(secondWs, 'order');
      const subscribed = nextEvent(secondWs, 'response', (event) => event.op === 'subscribe');
      void secondWs.subscribeV5(['order'], 'linear');
      await subscribed;

      await two.rest.submitOrder({ ...limit, orderType: 'Market' });
      expect(two.simulator.orders('second-key')).toEqual([]);
      const wallet = (await second.getWalletBalance({ accountType: 'UNIFIED' })).result.list[0];
      expect(wallet?.totalWalletBalance).toBe('2500');
      // 1 BTC needs 6500 USDT of margin at 10×: too much for the second account.
      expect((await second.submitOrder({ ...limit, qty: '1', price: '65000' })).retCode).toBe(110007);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(secondOrders).toEqual([]);
    } finally {
      await two.close();
    }
  });

  it('reads the server’s own record of orders and executions', async () => {
    await kit.rest.submitOrder({ ...limit, orderType: 'Market', orderLinkId: 'seen' });
    expect(kit.simulator.orders()).toEqual([
      expect.objectContaining({ category: 'linear', orderLinkId: 'seen', orderStatus: 'Filled' }),
    ]);
    expect(kit.simulator.executions(API_KEY, 'linear')).toEqual([
      expect.objectContaining({ orderLinkId: 'seen', execQty: '0.01' }),
    ]);
    expect(kit.simulator.executions(API_KEY, 'spot')).toEqual([]);
  });
});
