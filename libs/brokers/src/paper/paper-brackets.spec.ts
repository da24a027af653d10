import type { BrokerOrder } from '../domain/index.js';
import { InvalidOrderError } from '../errors/index.js';
import { startPaperTestKit, TEST_INSTRUMENT } from './testing/paper-test-kit.js';

/** The entry and its children, by role. */
async function bracket(
  kit: Awaited<ReturnType<typeof startPaperTestKit>>,
  entryId: string,
): Promise<{ entry: BrokerOrder; tp: BrokerOrder | undefined; sl: BrokerOrder | undefined }> {
  const entry = await kit.adapter.getOrder(entryId);
  const children = kit
    .eventsOf('order')
    .map((e) => e.order)
    .filter((o) => o.parentOrderId === entryId);
  const latest = async (role: string): Promise<BrokerOrder | undefined> => {
    const id = children.find((o) => o.role === role)?.brokerOrderId;
    return id === undefined ? undefined : kit.adapter.getOrder(id);
  };
  return { entry, tp: await latest('take_profit'), sl: await latest('stop_loss') };
}

describe('PaperAdapter bracket orders', () => {
  it('refuses exits on the wrong side of the entry', async () => {
    const kit = await startPaperTestKit();
    const entry = { side: 'buy', type: 'limit', quantity: '1', price: '99.00' } as const;
    await expect(kit.place({ ...entry, takeProfit: '98.00' })).rejects.toThrow(
      /^takeProfit 98 must be above/,
    );
    await expect(kit.place({ ...entry, stopLoss: '99.50' })).rejects.toThrow(/^stopLoss 99.5 must be below/);
    // A market sell's reference is the bid, 99.99.
    await expect(
      kit.place({ side: 'sell', type: 'market', quantity: '1', takeProfit: '100.00' }),
    ).rejects.toThrow(InvalidOrderError);
    expect(kit.eventsOf('order')).toHaveLength(0);
  });

  it('creates idle children on the opposite side, sized by what the entry filled', async () => {
    const kit = await startPaperTestKit();
    const id = await kit.place({
      side: 'buy',
      type: 'limit',
      quantity: '15',
      price: '99.00',
      takeProfit: '102.00',
      stopLoss: '97.00',
    });
    let { tp, sl } = await bracket(kit, id);
    expect(tp).toMatchObject({
      side: 'sell',
      type: 'limit',
      price: '102',
      quantity: '0',
      status: 'submitted',
    });
    expect(sl).toMatchObject({
      side: 'sell',
      type: 'stop',
      stopPrice: '97',
      quantity: '0',
      role: 'stop_loss',
    });
    expect(tp?.clientOrderId).toBe('c1-tp');

    kit.quote('98.98', '99.00');
    ({ tp, sl } = await bracket(kit, id));
    expect([tp?.quantity, sl?.quantity]).toEqual(['10', '10']);
    kit.quote('98.98', '99.00');
    ({ tp, sl } = await bracket(kit, id));
    expect([tp?.quantity, sl?.quantity]).toEqual(['15', '15']);
  });

  it('take-profit filling cancels the stop-loss (one-cancels-other)', async () => {
    const kit = await startPaperTestKit();
    const id = await kit.place({
      side: 'buy',
      type: 'market',
      quantity: '5',
      takeProfit: '101.00',
      stopLoss: '99.00',
    });
    kit.quote('101.00', '101.02');
    const { entry, tp, sl } = await bracket(kit, id);
    expect(entry.status).toBe('filled');
    expect([tp?.status, tp?.filledQuantity, tp?.averageFillPrice]).toEqual(['filled', '5', '101']);
    expect([sl?.status, sl?.quantity]).toEqual(['cancelled', '0']);
    expect(sl?.rejectReason).toMatch(/one-cancels-other: take_profit filled/);
    expect(await kit.adapter.getPositions()).toEqual([]);
    expect(await kit.adapter.getOpenOrders()).toEqual([]);
  });

  it('stop-loss triggering closes the position and cancels the take-profit', async () => {
    const kit = await startPaperTestKit();
    const id = await kit.place({
      side: 'buy',
      type: 'market',
      quantity: '5',
      takeProfit: '101.00',
      stopLoss: '99.00',
    });
    kit.quote('98.90', '98.92');
    const { tp, sl } = await bracket(kit, id);
    expect([sl?.status, sl?.averageFillPrice]).toEqual(['filled', '98.9']);
    expect(tp?.status).toBe('cancelled');
    expect(await kit.adapter.getPositions()).toEqual([]);
  });

  it('a partial take-profit fill shrinks the stop-loss by the same quantity', async () => {
    const kit = await startPaperTestKit({
      instruments: [{ ...TEST_INSTRUMENT, depth: '4' }],
    });
    const id = await kit.place({
      side: 'buy',
      type: 'market',
      quantity: '4',
      takeProfit: '101.00',
      stopLoss: '99.00',
    });
    kit.quote('101.00', '101.02');
    kit.quote('100.50', '100.52');
    // Only 4 can trade per quote, and the entry had 4: the take-profit filled it all on one quote.
    let { tp, sl } = await bracket(kit, id);
    expect([tp?.status, sl?.status]).toEqual(['filled', 'cancelled']);

    const second = await kit.place({
      side: 'sell',
      type: 'limit',
      quantity: '8',
      price: '100.50',
      takeProfit: '99.50',
      stopLoss: '102.00',
    });
    // Marketable on arrival: sells 4 at once, 4 more on the next quote.
    kit.quote('100.50', '100.52');
    expect((await kit.adapter.getOrder(second)).status).toBe('filled');
    // The take-profit can buy only 4 of its 8 on this quote.
    kit.quote('99.48', '99.50');
    ({ tp, sl } = await bracket(kit, second));
    expect([tp?.status, tp?.filledQuantity, tp?.quantity]).toEqual(['partially_filled', '4', '8']);
    expect([sl?.status, sl?.quantity]).toEqual(['submitted', '4']);
    expect((await kit.adapter.getPositions())[0]?.quantity).toBe('-4');
  });

  it('cancelling the entry before any fill cancels the children', async () => {
    const kit = await startPaperTestKit();
    const id = await kit.place({
      side: 'buy',
      type: 'limit',
      quantity: '5',
      price: '99.00',
      takeProfit: '102.00',
      stopLoss: '97.00',
    });
    expect(await kit.adapter.getOpenOrders()).toHaveLength(3);
    await kit.adapter.cancelOrder(id);
    const { tp, sl } = await bracket(kit, id);
    expect([tp?.status, sl?.status]).toEqual(['cancelled', 'cancelled']);
    expect(await kit.adapter.getOpenOrders()).toEqual([]);
  });

  it('cancelling a partly filled entry leaves children sized to what filled', async () => {
    const kit = await startPaperTestKit();
    const id = await kit.place({
      side: 'buy',
      type: 'market',
      quantity: '15',
      takeProfit: '102.00',
      stopLoss: '97.00',
    });
    await kit.adapter.cancelOrder(id);
    const { entry, tp, sl } = await bracket(kit, id);
    expect([entry.status, entry.filledQuantity]).toEqual(['cancelled', '10']);
    expect([tp?.status, tp?.quantity, sl?.status, sl?.quantity]).toEqual([
      'submitted',
      '10',
      'submitted',
      '10',
    ]);
    kit.quote('102.00', '102.02');
    expect((await kit.adapter.getOrder(tp?.brokerOrderId ?? '')).status).toBe('filled');
    expect(await kit.adapter.getPositions()).toEqual([]);
  });
});
