import { BrokerConnectionError, InvalidOrderError } from '../errors/index.js';
import { startPaperTestKit, T0 } from './testing/paper-test-kit.js';

describe('PaperAdapter lookups for reconciliation', () => {
  describe('findOrderByClientOrderId', () => {
    it('finds open and final orders, and bracket children by their derived client id', async () => {
      const kit = await startPaperTestKit();
      const open = await kit.place({ side: 'buy', type: 'limit', quantity: '1', price: '99.00' });
      const filled = await kit.place({
        side: 'buy',
        type: 'market',
        quantity: '1',
        takeProfit: '101.00',
      });
      expect(await kit.adapter.findOrderByClientOrderId('c1')).toMatchObject({
        brokerOrderId: open,
        status: 'submitted',
      });
      expect(await kit.adapter.findOrderByClientOrderId('c2')).toMatchObject({
        brokerOrderId: filled,
        status: 'filled',
      });
      expect(await kit.adapter.findOrderByClientOrderId('c2-tp')).toMatchObject({
        role: 'take_profit',
        parentOrderId: filled,
        quantity: '1',
      });
    });

    it('returns null for a client id the broker never received, or only refused', async () => {
      const kit = await startPaperTestKit();
      await expect(
        kit.adapter.placeOrder({
          clientOrderId: 'refused',
          symbol: 'TEST',
          side: 'buy',
          type: 'market',
          quantity: '0.5',
          timeInForce: 'gtc',
        }),
      ).rejects.toThrow(InvalidOrderError);
      expect(await kit.adapter.findOrderByClientOrderId('refused')).toBeNull();
      expect(await kit.adapter.findOrderByClientOrderId('never-sent')).toBeNull();
    });
  });

  describe('getFills', () => {
    it('returns executions at or after since, oldest first', async () => {
      const kit = await startPaperTestKit();
      await kit.place({ side: 'buy', type: 'market', quantity: '1' });
      kit.setTime(T0 + 1000);
      const second = await kit.place({ side: 'buy', type: 'market', quantity: '25' }); // 9 now, 10, 6 later
      kit.setTime(T0 + 2000);
      kit.quote('100.00', '100.02');
      kit.setTime(T0 + 3000);
      kit.quote('100.01', '100.03');

      const all = await kit.adapter.getFills(new Date(T0));
      expect(all.map((f) => [f.quantity, f.executedAt])).toEqual([
        ['1', new Date(T0).toISOString()],
        ['9', new Date(T0 + 1000).toISOString()],
        ['10', new Date(T0 + 2000).toISOString()],
        ['6', new Date(T0 + 3000).toISOString()],
      ]);
      expect(all).toEqual(kit.eventsOf('fill').map((e) => e.fill));
      // `since` is inclusive.
      const later = await kit.adapter.getFills(new Date(T0 + 2000));
      expect(later.map((f) => [f.brokerOrderId, f.quantity])).toEqual([
        [second, '10'],
        [second, '6'],
      ]);
      expect(await kit.adapter.getFills(new Date(T0 + 3001))).toEqual([]);
    });

    it('refuses an invalid date', async () => {
      const kit = await startPaperTestKit();
      await expect(kit.adapter.getFills(new Date(Number.NaN))).rejects.toThrow(InvalidOrderError);
    });
  });

  it('refuses both while disconnected', async () => {
    const kit = await startPaperTestKit();
    await kit.place({ side: 'buy', type: 'market', quantity: '1' });
    await kit.adapter.disconnect();
    await expect(kit.adapter.findOrderByClientOrderId('c1')).rejects.toThrow(BrokerConnectionError);
    await expect(kit.adapter.getFills(new Date(T0))).rejects.toThrow(BrokerConnectionError);
  });
});
