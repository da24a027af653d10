import type { AccountInfo, TradeDeal, TradePosition } from '#brokers/mt5/bridge/bridge-commands.js';
import { openTerminal, type Mt5SpecSetup } from './testing/mt5-spec-setup.js';

const deal = (type: number, volume: string) => ({
  action: 1,
  symbol: 'EURUSD',
  type,
  volume,
  type_filling: 1,
});

describe('Mt5TerminalSimulator trading (netting)', () => {
  let setup: Mt5SpecSetup;
  beforeEach(async () => {
    setup = await openTerminal({ marginMode: 'netting', historyMinutes: 60 });
    await setup.terminal.movePrice('EURUSD', '1.10000');
  });
  afterEach(async () => setup.close());

  it('reports netting in hello and account_info', async () => {
    expect(setup.kit.hellos[0]?.marginMode).toBe('netting');
    expect((await setup.kit.call<AccountInfo>('account_info')).margin_mode).toBe(0);
  });

  it('keeps one position per symbol: a same-side deal adds to it at the average price', async () => {
    const first = await setup.send(deal(0, '0.10'));
    await setup.terminal.movePrice('EURUSD', '1.10100');
    await setup.send(deal(0, '0.10'));
    const positions = await setup.kit.call<TradePosition[]>('positions_get');
    expect(positions).toMatchObject([
      { ticket: first.order, identifier: first.order, volume: '0.20', price_open: '1.10060' },
    ]);
  });

  it('reduces the position with an opposite deal (DEAL_ENTRY_OUT) and books the profit', async () => {
    const opened = await setup.send(deal(0, '0.30'));
    await setup.terminal.movePrice('EURUSD', '1.10210');
    const reduce = await setup.send(deal(1, '0.10'));
    expect(setup.terminal.positions()).toMatchObject([{ ticket: opened.order, volume: '0.20', type: 0 }]);
    const deals = await setup.kit.call<TradeDeal[]>('history_deals_get', { ticket: reduce.deal });
    expect(deals).toMatchObject([{ entry: 1, position_id: opened.order, profit: '20.00' }]);
  });

  it('reverses with one DEAL_ENTRY_INOUT deal: the ticket becomes the reversing order, the identifier stays', async () => {
    const opened = await setup.send(deal(0, '0.10'));
    await setup.terminal.movePrice('EURUSD', '1.10110');
    const reversal = await setup.send(deal(1, '0.30'));
    expect(reversal.retcode).toBe(10009);
    const [position] = await setup.kit.call<TradePosition[]>('positions_get', { symbol: 'EURUSD' });
    expect(position).toMatchObject({
      ticket: reversal.order,
      identifier: opened.order,
      type: 1,
      volume: '0.20',
      price_open: '1.10110',
    });
    const deals = await setup.kit.call<TradeDeal[]>('history_deals_get', { position: opened.order });
    expect(deals.map((d) => [d.order, d.entry, d.volume, d.profit])).toEqual([
      [opened.order, 0, '0.10', '0.00'],
      [reversal.order, 2, '0.30', '10.00'],
    ]);
    const transactions = setup.kit.transactions().filter((t) => t.type === 'TRADE_TRANSACTION_DEAL_ADD');
    expect(transactions.at(-1)).toMatchObject({ deal: reversal.deal, position: opened.order });
  });

  it('closes the position exactly with an equal opposite deal', async () => {
    await setup.send(deal(0, '0.10'));
    await setup.send(deal(1, '0.10'));
    expect(setup.terminal.positions()).toEqual([]);
    expect(setup.terminal.deals().map((d) => d.entry)).toEqual([0, 0, 1]);
  });

  it('sets SL/TP by symbol on the one position', async () => {
    await setup.send(deal(0, '0.10'));
    expect((await setup.send({ action: 6, symbol: 'EURUSD', sl: '1.09000', tp: '0' })).retcode).toBe(10009);
    expect(setup.terminal.positions()).toMatchObject([{ sl: '1.09000', tp: '0.00000' }]);
  });
});
