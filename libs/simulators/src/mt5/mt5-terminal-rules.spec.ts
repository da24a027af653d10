import type { AccountInfo, TradeDeal } from '#brokers/mt5/bridge/bridge-commands.js';
import { defaultMt5Symbols } from './mt5-simulator-defaults.js';
import { kinds, openTerminal, type Mt5SpecSetup } from './testing/mt5-spec-setup.js';

const deal = (symbol: string, type: number, volume: string, extra: Record<string, unknown> = {}) => ({
  action: 1,
  symbol,
  type,
  volume,
  type_filling: 0,
  ...extra,
});

/** The default symbols with EURUSD's trade mode (and freeze level) changed. */
function eurusdWith(changes: { tradeMode?: number; freezeLevel?: number }) {
  return defaultMt5Symbols().map((s) => (s.name === 'EURUSD' ? { ...s, ...changes } : s));
}

describe('Mt5TerminalSimulator account and symbol rules', () => {
  let setup: Mt5SpecSetup;
  afterEach(async () => setup.close());

  it('converts margin to USD: USDJPY needs no conversion, XAUUSD is 100 oz × price', async () => {
    setup = await openTerminal({ historyMinutes: 10 });
    await setup.terminal.movePrice('USDJPY', '150.000');
    await setup.terminal.movePrice('XAUUSD', '2000.00');
    await setup.send(deal('USDJPY', 0, '0.10'));
    // 0.10 × 100 000 USD / 100.
    expect((await setup.kit.call<AccountInfo>('account_info')).margin).toBe('100.00');
    await setup.send(deal('XAUUSD', 0, '0.10', { price: '2000.30', deviation: 5 }));
    // + 0.10 × 100 oz × 2000.30 / 100 = 200.03.
    expect((await setup.kit.call<AccountInfo>('account_info')).margin).toBe('300.03');
  });

  it('books USDJPY profit in USD by dividing by the closing price', async () => {
    setup = await openTerminal({ historyMinutes: 10 });
    await setup.terminal.movePrice('USDJPY', '150.000');
    const opened = await setup.send(deal('USDJPY', 0, '1.00'));
    await setup.terminal.movePrice('USDJPY', '151.512');
    await setup.send(deal('USDJPY', 1, '1.00', { position: opened.order }));
    const deals = await setup.kit.call<TradeDeal[]>('history_deals_get', { position: opened.order });
    // (151.512 - 150.012) × 100 000 JPY / 151.512 = 990.02 USD.
    expect(deals[1]).toMatchObject({ entry: 1, price: '151.512', profit: '990.02' });
  });

  it('closes a position by an opposite one (hedging): two OUT_BY deals at the counter position’s open price', async () => {
    setup = await openTerminal({ historyMinutes: 10 });
    await setup.terminal.movePrice('EURUSD', '1.10000');
    const long = await setup.send(deal('EURUSD', 0, '0.30'));
    await setup.terminal.movePrice('EURUSD', '1.10200');
    const short = await setup.send(deal('EURUSD', 1, '0.10'));
    const from = setup.kit.events.length;
    const result = await setup.send({ action: 10, position: long.order, position_by: short.order });
    expect(result.retcode).toBe(10009);
    expect(kinds(await setup.transactionsSince(from))).toEqual([
      'ORDER_ADD',
      'DEAL_ADD',
      'POSITION',
      'DEAL_ADD',
      'ORDER_DELETE',
      'HISTORY_ADD',
      'REQUEST',
    ]);
    expect(setup.terminal.positions()).toMatchObject([{ ticket: long.order, volume: '0.20' }]);
    const outBy = setup.terminal.deals().filter((d) => d.entry === 3);
    expect(outBy.map((d) => [d.position_id, d.price, d.profit])).toEqual([
      [long.order, '1.10200', '19.00'],
      [short.order, '1.10200', '0.00'],
    ]);
  });

  it('answers 10017 / 10042 / 10043 / 10044 by SYMBOL_TRADE_MODE', async () => {
    const expectations: [number, number, number][] = [
      [0, 0, 10017],
      [1, 1, 10042],
      [2, 0, 10043],
      [3, 0, 10044],
    ];
    for (const [tradeMode, type, retcode] of expectations) {
      const local = await openTerminal({ historyMinutes: 10, symbols: eurusdWith({ tradeMode }) });
      try {
        expect((await local.send(deal('EURUSD', type, '0.10'))).retcode).toBe(retcode);
      } finally {
        await local.close();
      }
    }
    setup = await openTerminal({ historyMinutes: 10, symbols: eurusdWith({ tradeMode: 1 }) });
    expect((await setup.send(deal('EURUSD', 0, '0.10'))).retcode).toBe(10009);
  });

  it('10029 for a pending order within the freeze level; 10027 with algo trading off', async () => {
    setup = await openTerminal({ historyMinutes: 10, symbols: eurusdWith({ freezeLevel: 30 }) });
    await setup.terminal.movePrice('EURUSD', '1.10000');
    const placed = await setup.send({
      action: 5,
      symbol: 'EURUSD',
      type: 2,
      volume: '0.10',
      price: '1.09990',
      type_filling: 2,
    });
    expect(placed.retcode).toBe(10008);
    expect((await setup.send({ action: 8, order: placed.order })).retcode).toBe(10029);
    const off = await openTerminal({ historyMinutes: 10, tradeAllowed: false });
    try {
      expect(off.kit.hellos[0]?.tradeAllowed).toBe(false);
      expect((await off.send(deal('EURUSD', 0, '0.10'))).retcode).toBe(10027);
    } finally {
      await off.close();
    }
  });

  it('expires a DAY order at the end of the server day and a SPECIFIED_DAY one at 23:59:59 of its day', async () => {
    setup = await openTerminal({ historyMinutes: 10 });
    await setup.terminal.movePrice('EURUSD', '1.10000');
    const limit = { action: 5, symbol: 'EURUSD', type: 2, volume: '0.10', price: '1.09000', type_filling: 2 };
    const serverDay = Date.UTC(2026, 0, 14) / 1000;
    await setup.send({ ...limit, type_time: 1 });
    await setup.send({ ...limit, type_time: 3, expiration: serverDay + 86_400 + 3_600 });
    expect(setup.terminal.orders().map((o) => o.time_expiration)).toEqual([
      serverDay + 86_399,
      serverDay + 2 * 86_400 - 1,
    ]);
    // 22:00 UTC is midnight on the GMT+2 server: the DAY order is gone, the other waits for tomorrow.
    setup.clock.now = Date.UTC(2026, 0, 14, 22, 0, 0);
    await setup.terminal.advance();
    expect(setup.terminal.orders().map((o) => o.type_time)).toEqual([3]);
  });
});
