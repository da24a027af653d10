import { startPaperTestKit } from './testing/paper-test-kit.js';

describe('PaperAdapter account and positions', () => {
  it('charges taker fees on market fills and maker fees on resting limits, in the account currency', async () => {
    const kit = await startPaperTestKit();
    await kit.place({ side: 'buy', type: 'market', quantity: '10' });
    await kit.place({ side: 'sell', type: 'limit', quantity: '10', price: '101.00' });
    kit.quote('101.00', '101.02');
    const fills = kit.eventsOf('fill').map((e) => e.fill);
    // 10 × 100.01 × 5 bps; 10 × 101 × 1 bp.
    expect(fills.map((f) => [f.fee, f.feeCurrency, f.liquidity])).toEqual([
      ['0.50005', 'USD', 'taker'],
      ['0.101', 'USD', 'maker'],
    ]);
    const summary = await kit.adapter.getAccountSummary();
    // Realized 10 × (101 − 100.01) = 9.9; balance = 100000 + 9.9 − 0.50005 − 0.101.
    expect(summary).toMatchObject({
      account: 'test',
      currency: 'USD',
      realizedPnl: '9.9',
      balance: '100009.29895',
      equity: '100009.29895',
      unrealizedPnl: '0',
      marginUsed: '0',
      marginFree: '100009.29895',
    });
  });

  it('averages entries, realizes on reduce and marks the rest at the mid', async () => {
    const kit = await startPaperTestKit({ takerFeeBps: 0, makerFeeBps: 0 });
    await kit.place({ side: 'buy', type: 'market', quantity: '1' }); // 100.01
    kit.quote('100.99', '101.01');
    await kit.place({ side: 'buy', type: 'market', quantity: '2' }); // 101.01
    let [position] = await kit.adapter.getPositions();
    // (100.01 + 2 × 101.01) / 3 = 100.676666…
    expect(position).toMatchObject({ side: 'long', quantity: '3', averagePrice: '100.6766666667' });
    await kit.place({ side: 'sell', type: 'market', quantity: '1' }); // 100.99
    [position] = await kit.adapter.getPositions();
    expect(position?.quantity).toBe('2');
    expect(position?.realizedPnl).toBe('0.313333333333');
    kit.quote('103.99', '104.01');
    [position] = await kit.adapter.getPositions();
    // Mark 104; the two left cost 302.03 − 100.676666666667 = 201.353333333333.
    expect(position).toMatchObject({ markPrice: '104', unrealizedPnl: '6.646666666667', marginUsed: '20.8' });
    await kit.place({ side: 'sell', type: 'market', quantity: '2' }); // 103.99
    const summary = await kit.adapter.getAccountSummary();
    // A round trip realizes exactly proceeds − cost: 100.99 + 2 × 103.99 − 100.01 − 2 × 101.01.
    expect(summary.realizedPnl).toBe('6.94');
    expect(summary.balance).toBe('100006.94');
    expect(await kit.adapter.getPositions()).toEqual([]);
  });

  it('flips through zero: realizes the closed part and opens the rest at the fill price', async () => {
    const kit = await startPaperTestKit({ takerFeeBps: 0 });
    await kit.place({ side: 'buy', type: 'market', quantity: '2' }); // 100.01
    kit.quote('101.99', '102.01');
    await kit.place({ side: 'sell', type: 'market', quantity: '5' }); // 101.99
    const [position] = await kit.adapter.getPositions();
    expect(position).toMatchObject({
      side: 'short',
      quantity: '-3',
      averagePrice: '101.99',
      realizedPnl: '3.96',
      // Mark 102: a short of 3 from 101.99 is 0.03 under water.
      unrealizedPnl: '-0.03',
    });
    const lastPosition = kit.eventsOf('position').at(-1)?.position;
    expect(lastPosition?.quantity).toBe('-3');
  });

  it('sells short and profits when the price falls', async () => {
    const kit = await startPaperTestKit({ takerFeeBps: 0 });
    await kit.place({ side: 'sell', type: 'market', quantity: '4' }); // 99.99
    kit.quote('94.99', '95.01');
    const summary = await kit.adapter.getAccountSummary();
    expect(summary).toMatchObject({
      unrealizedPnl: '19.96',
      balance: '100000',
      equity: '100019.96',
      // 4 × 95 / 10
      marginUsed: '38',
      marginFree: '99981.96',
    });
  });

  it('keeps a closed position out of the list but its PnL in the account, and says flat in the event', async () => {
    const kit = await startPaperTestKit({ takerFeeBps: 0 });
    await kit.place({ side: 'buy', type: 'market', quantity: '1' });
    await kit.place({ side: 'sell', type: 'market', quantity: '1' });
    expect(await kit.adapter.getPositions()).toEqual([]);
    expect(kit.eventsOf('position').at(-1)?.position).toMatchObject({
      side: 'flat',
      quantity: '0',
      realizedPnl: '-0.02',
    });
    expect((await kit.adapter.getAccountSummary()).realizedPnl).toBe('-0.02');
  });

  it('account events follow every fill with the new summary', async () => {
    const kit = await startPaperTestKit();
    await kit.place({ side: 'buy', type: 'market', quantity: '10' });
    const summary = kit.eventsOf('account').at(-1)?.summary;
    // Mark 100: 10 × 100 / 10 margin; unrealized 10 × (100 − 100.01); fee 0.50005.
    expect(summary).toMatchObject({
      marginUsed: '100',
      unrealizedPnl: '-0.1',
      balance: '99999.49995',
      equity: '99999.39995',
      marginFree: '99899.39995',
      updatedAt: '2024-03-04T10:00:00.000Z',
    });
  });
});
