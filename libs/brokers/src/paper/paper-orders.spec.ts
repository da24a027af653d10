import {
  BrokerConnectionError,
  InsufficientFundsError,
  InvalidOrderError,
  OrderNotFoundError,
  OrderRejectedError,
  UnknownSymbolError,
} from '../errors/index.js';
import { PaperAdapter } from './paper.adapter.js';
import { startPaperTestKit, T0, testPaperConfig } from './testing/paper-test-kit.js';

describe('PaperAdapter orders', () => {
  describe('market', () => {
    it('buys at the ask and sells at the bid', async () => {
      const kit = await startPaperTestKit();
      const buy = await kit.place({ side: 'buy', type: 'market', quantity: '2' });
      const sell = await kit.place({ side: 'sell', type: 'market', quantity: '1' });
      const fills = kit.eventsOf('fill').map((e) => e.fill);
      expect(fills.map((f) => [f.brokerOrderId, f.price, f.liquidity])).toEqual([
        [buy, '100.01', 'taker'],
        [sell, '99.99', 'taker'],
      ]);
      expect((await kit.adapter.getOrder(buy)).status).toBe('filled');
      expect((await kit.adapter.getOrder(buy)).averageFillPrice).toBe('100.01');
    });

    it('slips against the trader, rounded to the tick', async () => {
      const kit = await startPaperTestKit({ slippageBps: 10 });
      await kit.place({ side: 'buy', type: 'market', quantity: '1' });
      await kit.place({ side: 'sell', type: 'market', quantity: '1' });
      // 100.01 × 1.001 = 100.11001 → up to 100.12; 99.99 × 0.999 = 99.89001 → down to 99.89.
      expect(kit.eventsOf('fill').map((e) => e.fill.price)).toEqual(['100.12', '99.89']);
    });

    it('fills at most the quoted size per tick, the rest on the next ticks', async () => {
      const kit = await startPaperTestKit();
      const id = await kit.place({ side: 'buy', type: 'market', quantity: '25' });
      expect((await kit.adapter.getOrder(id)).status).toBe('partially_filled');
      expect((await kit.adapter.getOrder(id)).filledQuantity).toBe('10');
      kit.quote('100.00', '100.02');
      expect((await kit.adapter.getOrder(id)).filledQuantity).toBe('20');
      kit.quote('100.01', '100.03');
      const order = await kit.adapter.getOrder(id);
      expect(order.status).toBe('filled');
      expect(kit.eventsOf('fill').map((e) => [e.fill.quantity, e.fill.price])).toEqual([
        ['10', '100.01'],
        ['10', '100.02'],
        ['5', '100.03'],
      ]);
      // (10 × 100.01 + 10 × 100.02 + 5 × 100.03) / 25
      expect(order.averageFillPrice).toBe('100.018');
    });

    it('shares one quote between orders: the second gets what the first left', async () => {
      const kit = await startPaperTestKit();
      await kit.place({ side: 'buy', type: 'market', quantity: '7' });
      const second = await kit.place({ side: 'buy', type: 'market', quantity: '7' });
      expect((await kit.adapter.getOrder(second)).filledQuantity).toBe('3');
    });

    it('IOC fills what the quote offers and cancels the rest', async () => {
      const kit = await startPaperTestKit();
      const id = await kit.place({ side: 'buy', type: 'market', quantity: '15', timeInForce: 'ioc' });
      const order = await kit.adapter.getOrder(id);
      expect([order.status, order.filledQuantity]).toEqual(['cancelled', '10']);
      expect(order.rejectReason).toMatch(/immediate-or-cancel/);
      kit.quote('99.99', '100.01');
      expect((await kit.adapter.getOrder(id)).filledQuantity).toBe('10');
    });

    it('FOK is refused whole when the quote is too small, and fills whole when it is not', async () => {
      const kit = await startPaperTestKit();
      const refused = await kit.place({ side: 'buy', type: 'market', quantity: '11', timeInForce: 'fok' });
      const order = await kit.adapter.getOrder(refused);
      expect([order.status, order.filledQuantity]).toEqual(['expired', '0']);
      expect(order.rejectReason).toMatch(/fill-or-kill: only 10 of 11/);
      expect(kit.eventsOf('fill')).toHaveLength(0);
      const accepted = await kit.place({ side: 'buy', type: 'market', quantity: '10', timeInForce: 'fok' });
      expect((await kit.adapter.getOrder(accepted)).status).toBe('filled');
    });
  });

  describe('limit', () => {
    it('takes the quote when marketable on arrival (taker, at the ask, not the limit)', async () => {
      const kit = await startPaperTestKit();
      await kit.place({ side: 'buy', type: 'limit', quantity: '1', price: '100.50' });
      expect(kit.eventsOf('fill').map((e) => [e.fill.price, e.fill.liquidity])).toEqual([
        ['100.01', 'taker'],
      ]);
    });

    it('rests until the ask reaches the limit, then fills at the limit as maker', async () => {
      const kit = await startPaperTestKit();
      const id = await kit.place({ side: 'buy', type: 'limit', quantity: '3', price: '99.50' });
      kit.quote('99.50', '99.52');
      expect((await kit.adapter.getOrder(id)).status).toBe('submitted');
      kit.quote('99.40', '99.45');
      expect(kit.eventsOf('fill').map((e) => [e.fill.price, e.fill.liquidity])).toEqual([['99.5', 'maker']]);
      expect((await kit.adapter.getOrder(id)).status).toBe('filled');
    });

    it('sell limit fills when the bid reaches it', async () => {
      const kit = await startPaperTestKit();
      const id = await kit.place({ side: 'sell', type: 'limit', quantity: '2', price: '100.50' });
      kit.quote('100.48', '100.50');
      expect((await kit.adapter.getOrder(id)).status).toBe('submitted');
      kit.quote('100.50', '100.52');
      expect(kit.eventsOf('fill').map((e) => e.fill.price)).toEqual(['100.5']);
    });

    it('a resting limit larger than the quote fills over several ticks', async () => {
      const kit = await startPaperTestKit();
      const id = await kit.place({ side: 'buy', type: 'limit', quantity: '15', price: '99.00' });
      kit.quote('98.90', '98.95');
      expect((await kit.adapter.getOrder(id)).status).toBe('partially_filled');
      kit.quote('98.90', '98.95');
      expect((await kit.adapter.getOrder(id)).status).toBe('filled');
      expect(kit.eventsOf('fill').map((e) => e.fill.quantity)).toEqual(['10', '5']);
    });

    it('IOC limit that cannot trade is cancelled with nothing filled', async () => {
      const kit = await startPaperTestKit();
      const id = await kit.place({
        side: 'buy',
        type: 'limit',
        quantity: '1',
        price: '99.00',
        timeInForce: 'ioc',
      });
      expect((await kit.adapter.getOrder(id)).status).toBe('cancelled');
      expect(await kit.adapter.getOpenOrders()).toEqual([]);
    });
  });

  describe('stop and stop-limit', () => {
    it('a buy stop waits for the ask to reach it, then fills like a market order', async () => {
      const kit = await startPaperTestKit();
      const id = await kit.place({ side: 'buy', type: 'stop', quantity: '1', stopPrice: '101.00' });
      kit.quote('100.97', '100.99');
      expect((await kit.adapter.getOrder(id)).status).toBe('submitted');
      kit.quote('101.02', '101.04');
      expect(kit.eventsOf('fill').map((e) => [e.fill.price, e.fill.liquidity])).toEqual([
        ['101.04', 'taker'],
      ]);
    });

    it('a sell stop triggers when the bid falls to it', async () => {
      const kit = await startPaperTestKit();
      const id = await kit.place({ side: 'sell', type: 'stop', quantity: '1', stopPrice: '99.00' });
      kit.quote('99.01', '99.03');
      expect((await kit.adapter.getOrder(id)).status).toBe('submitted');
      kit.quote('99.00', '99.02');
      expect(kit.eventsOf('fill').map((e) => e.fill.price)).toEqual(['99']);
    });

    it('a stop-limit becomes a limit at its price once triggered', async () => {
      const kit = await startPaperTestKit();
      const id = await kit.place({
        side: 'buy',
        type: 'stop_limit',
        quantity: '1',
        stopPrice: '101.00',
        price: '101.10',
      });
      // Gaps through the stop and past the limit: triggered, but the limit cannot trade yet.
      kit.quote('101.18', '101.20');
      expect((await kit.adapter.getOrder(id)).status).toBe('submitted');
      kit.quote('101.05', '101.08');
      expect(kit.eventsOf('fill').map((e) => [e.fill.price, e.fill.liquidity])).toEqual([['101.1', 'maker']]);
    });
  });

  describe('day orders', () => {
    it('expire at the next UTC midnight, checked on ticks', async () => {
      const kit = await startPaperTestKit();
      const id = await kit.place({
        side: 'buy',
        type: 'limit',
        quantity: '1',
        price: '90.00',
        timeInForce: 'day',
      });
      kit.setTime(Date.parse('2024-03-04T23:59:59.999Z'));
      kit.adapter.tick();
      expect((await kit.adapter.getOrder(id)).status).toBe('submitted');
      kit.setTime(Date.parse('2024-03-05T00:00:00.000Z'));
      kit.adapter.tick();
      const order = await kit.adapter.getOrder(id);
      expect(order.status).toBe('expired');
      expect(order.updatedAt).toBe('2024-03-05T00:00:00.000Z');
      expect(await kit.adapter.getOpenOrders()).toEqual([]);
    });

    it('expire before the midnight quote can fill them', async () => {
      const kit = await startPaperTestKit();
      const id = await kit.place({
        side: 'buy',
        type: 'limit',
        quantity: '1',
        price: '99.00',
        timeInForce: 'day',
      });
      kit.setTime(Date.parse('2024-03-05T00:00:00.000Z'));
      kit.quote('98.00', '98.02');
      expect((await kit.adapter.getOrder(id)).status).toBe('expired');
      expect(kit.eventsOf('fill')).toHaveLength(0);
    });
  });

  describe('cancel', () => {
    it('cancels an open order once; a final order cannot be cancelled', async () => {
      const kit = await startPaperTestKit();
      const id = await kit.place({ side: 'buy', type: 'limit', quantity: '1', price: '90.00' });
      expect((await kit.adapter.getOpenOrders()).map((o) => o.brokerOrderId)).toEqual([id]);
      expect((await kit.adapter.cancelOrder(id)).status).toBe('cancelled');
      expect(await kit.adapter.getOpenOrders()).toEqual([]);
      await expect(kit.adapter.cancelOrder(id)).rejects.toThrow(InvalidOrderError);
      const filled = await kit.place({ side: 'buy', type: 'market', quantity: '1' });
      await expect(kit.adapter.cancelOrder(filled)).rejects.toThrow(/is filled/);
      await expect(kit.adapter.cancelOrder('PO-nope')).rejects.toThrow(OrderNotFoundError);
    });

    it('a partly filled order keeps its fills when cancelled', async () => {
      const kit = await startPaperTestKit();
      const id = await kit.place({ side: 'buy', type: 'market', quantity: '15' });
      const cancelled = await kit.adapter.cancelOrder(id);
      expect([cancelled.status, cancelled.filledQuantity]).toEqual(['cancelled', '10']);
      kit.quote('99.99', '100.01');
      expect((await kit.adapter.getPositions())[0]?.quantity).toBe('10');
    });
  });

  describe('events', () => {
    it('an accepted order is submitted; one execution emits order → fill → position → account', async () => {
      const kit = await startPaperTestKit();
      kit.events.length = 0;
      const id = await kit.place({ side: 'buy', type: 'market', quantity: '1' });
      expect(kit.events.map((e) => e.type)).toEqual(['order', 'order', 'fill', 'position', 'account']);
      const orders = kit.eventsOf('order').map((e) => e.order);
      expect(orders.map((o) => [o.brokerOrderId, o.status])).toEqual([
        [id, 'submitted'],
        [id, 'filled'],
      ]);
      expect(kit.eventsOf('position')[0]?.position).toMatchObject({
        symbol: 'TEST',
        side: 'long',
        quantity: '1',
      });
      expect(kit.events.every((e) => e.account === 'test')).toBe(true);
    });

    it('fills carry unique execution ids and UTC times; each quote emits a tick', async () => {
      const kit = await startPaperTestKit();
      await kit.place({ side: 'buy', type: 'market', quantity: '25' });
      kit.adapter.advance(3);
      const fills = kit.eventsOf('fill').map((e) => e.fill);
      expect(new Set(fills.map((f) => f.executionId)).size).toBe(fills.length);
      expect(fills[0]?.executionId).toMatch(/^P-test-/);
      expect(fills[0]?.executedAt).toBe(new Date(T0).toISOString());
      expect(kit.eventsOf('tick')).toHaveLength(3);
    });
  });

  describe('refusals (thrown, nothing recorded)', () => {
    const base = { side: 'buy', type: 'limit', quantity: '1', price: '99.00' } as const;

    it.each([
      [{ quantity: '1.5' }, /^quantity .*lot size/],
      [{ quantity: '0' }, /^quantity .*positive/],
      [{ quantity: 'abc' }, /^quantity .*not a decimal/],
      [{ price: '99.001' }, /^price .*tick size/],
      [{ price: undefined }, /^price is required/],
      [{ type: 'market' as const }, /^price is not allowed/],
      [{ type: 'stop' as const, price: undefined }, /^stopPrice is required/],
      [{ timeInForce: 'gtd' as never }, /^timeInForce/],
      [{ type: 'trailing' as never }, /^type/],
    ])('%o is an InvalidOrderError naming the field', async (change, message) => {
      const kit = await startPaperTestKit();
      const rejection = kit.place({ ...base, ...change });
      await expect(rejection).rejects.toThrow(InvalidOrderError);
      await expect(rejection).rejects.toThrow(message);
      expect(await kit.adapter.getOpenOrders()).toEqual([]);
    });

    it('refuses a quantity below the minimum', async () => {
      const kit = await startPaperTestKit({
        instruments: [{ ...testPaperConfig().instruments[0]!, minQuantity: '5' }],
      });
      await expect(kit.place({ ...base, quantity: '4' })).rejects.toThrow(
        /^quantity 4 is below the minimum 5/,
      );
    });

    it('refuses an unknown symbol and a reused clientOrderId', async () => {
      const kit = await startPaperTestKit();
      await expect(kit.place({ ...base, symbol: 'NOPE' })).rejects.toThrow(UnknownSymbolError);
      await kit.place({ ...base, clientOrderId: 'same' });
      await expect(kit.place({ ...base, clientOrderId: 'same' })).rejects.toThrow(OrderRejectedError);
      expect(await kit.adapter.getOpenOrders()).toHaveLength(1);
    });

    it('refuses an order needing more margin than is free', async () => {
      const kit = await startPaperTestKit({ startingCash: '1000' });
      // 101 × 100.01 / 10 = 1010.101 margin > 1000 free.
      await expect(kit.place({ side: 'buy', type: 'market', quantity: '101' })).rejects.toThrow(
        InsufficientFundsError,
      );
      expect(kit.eventsOf('order')).toHaveLength(0);
      // 99 × 100.01 / 10 = 990.099: fits.
      await kit.place({ side: 'buy', type: 'limit', quantity: '99', price: '100.01' });
      // Closing needs no margin, even with the free margin gone.
      await kit.place({ side: 'sell', type: 'limit', quantity: '99', price: '99.99' });
      expect((await kit.adapter.getAccountSummary()).marginUsed).toBe('0');
    });

    it('refuses every call but the instrument rules while disconnected', async () => {
      const adapter = new PaperAdapter(testPaperConfig(), () => T0);
      await expect(adapter.getTicker('TEST')).rejects.toThrow(BrokerConnectionError);
      await expect(
        adapter.placeOrder({
          clientOrderId: 'x',
          symbol: 'TEST',
          side: 'buy',
          type: 'market',
          quantity: '1',
          timeInForce: 'gtc',
        }),
      ).rejects.toThrow(BrokerConnectionError);
      expect((await adapter.getInstrument('TEST')).tickSize).toBe('0.01');
      expect(await adapter.listInstruments()).toHaveLength(1);
    });
  });
});
