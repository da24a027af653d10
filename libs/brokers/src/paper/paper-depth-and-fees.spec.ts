import { UnknownSymbolError } from '../errors/index.js';
import { PaperAdapter } from './paper.adapter.js';
import { startPaperTestKit, TEST_INSTRUMENT, testPaperConfig } from './testing/paper-test-kit.js';

describe('PaperAdapter depth control and per-instrument fees', () => {
  describe('setDepth', () => {
    it('lets a big order fill partially, then completes it at once when the depth grows', async () => {
      const kit = await startPaperTestKit();
      const id = await kit.place({ side: 'buy', type: 'limit', quantity: '25', price: '100.01' });
      expect((await kit.adapter.getOrder(id)).filledQuantity).toBe('10');

      kit.adapter.setDepth('TEST', '30');

      const order = await kit.adapter.getOrder(id);
      expect(order.status).toBe('filled');
      expect(kit.eventsOf('fill').map((e) => [e.fill.quantity, e.fill.price])).toEqual([
        ['10', '100.01'],
        ['15', '100.01'],
      ]);
    });

    it('keeps the new depth on later quotes and shows it in the ticker', async () => {
      const kit = await startPaperTestKit();
      kit.adapter.setDepth('TEST', '3');
      expect((await kit.adapter.getTicker('TEST')).askSize).toBe('3');
      kit.quote('100.00', '100.02');
      kit.adapter.advance(2);
      const ticker = await kit.adapter.getTicker('TEST');
      expect([ticker.bidSize, ticker.askSize]).toEqual(['3', '3']);
      const id = await kit.place({ side: 'sell', type: 'market', quantity: '5', timeInForce: 'ioc' });
      expect((await kit.adapter.getOrder(id)).filledQuantity).toBe('3');
    });

    it('refuses an unknown symbol or a depth that is not positive', async () => {
      const kit = await startPaperTestKit();
      expect(() => kit.adapter.setDepth('NOPE', '1')).toThrow(UnknownSymbolError);
      expect(() => kit.adapter.setDepth('TEST', '0')).toThrow(RangeError);
      expect(() => kit.adapter.setDepth('TEST', 'lots')).toThrow(RangeError);
    });
  });

  describe('instrument fees', () => {
    it("charges an instrument's own taker and maker fees, and the account's elsewhere", async () => {
      const kit = await startPaperTestKit({
        instruments: [
          { ...TEST_INSTRUMENT, takerFeeBps: 10, makerFeeBps: 0 },
          { ...TEST_INSTRUMENT, symbol: 'PLAIN' },
        ],
      });
      await kit.place({ side: 'buy', type: 'market', quantity: '1' });
      await kit.place({ side: 'buy', type: 'market', quantity: '1', symbol: 'PLAIN' });
      const resting = await kit.place({ side: 'buy', type: 'limit', quantity: '1', price: '99.00' });
      kit.quote('98.00', '98.98');
      expect((await kit.adapter.getOrder(resting)).status).toBe('filled');
      // 100.01 × 10 bps; 100.01 × the account's 5 bps; the resting (maker) fill at the instrument's 0 bps.
      expect(kit.eventsOf('fill').map((e) => [e.fill.symbol, e.fill.liquidity, e.fill.fee])).toEqual([
        ['TEST', 'taker', '0.10001'],
        ['PLAIN', 'taker', '0.050005'],
        ['TEST', 'maker', '0'],
      ]);
    });

    it('refuses a negative instrument fee at construction', () => {
      const config = testPaperConfig({ instruments: [{ ...TEST_INSTRUMENT, makerFeeBps: -1 }] });
      expect(() => new PaperAdapter(config)).toThrow(/instruments\.TEST\.makerFeeBps must be a number >= 0/);
    });
  });
});
