import type {
  AccountInfo,
  TradeDeal,
  TradeOrder,
  TradePosition,
} from '#brokers/mt5/bridge/bridge-commands.js';
import {
  kinds,
  marketBuyRequest,
  openTerminal,
  WINTER_WEDNESDAY,
  type Mt5SpecSetup,
} from './testing/mt5-spec-setup.js';

const SERVER_MS = WINTER_WEDNESDAY + 2 * 3_600_000;
const buy = (volume: string, extra: Record<string, unknown> = {}) =>
  marketBuyRequest({ volume, magic: '20261203', comment: 'c-1', ...extra });

describe('Mt5TerminalSimulator trading (hedging)', () => {
  let setup: Mt5SpecSetup;
  beforeEach(async () => {
    setup = await openTerminal({ historyMinutes: 60 });
    await setup.terminal.movePrice('EURUSD', '1.10000');
  });
  afterEach(async () => setup.close());

  it('fills a market buy at Ask: 10009 with deal, order and price; position ticket = order ticket', async () => {
    const from = setup.kit.events.length;
    const result = await setup.send(buy('0.10'));
    expect(result).toEqual({
      retcode: 10009,
      deal: '40000002',
      order: '50000001',
      volume: '0.10',
      price: '1.10010',
      bid: '1.10000',
      ask: '1.10010',
      comment: 'Request executed',
      request_id: 1,
      retcode_external: 0,
    });
    const positions = await setup.kit.call<TradePosition[]>('positions_get', { symbol: 'EURUSD' });
    expect(positions).toEqual([
      {
        ticket: '50000001',
        time_msc: SERVER_MS,
        time_update_msc: SERVER_MS,
        type: 0,
        magic: '20261203',
        identifier: '50000001',
        reason: 3,
        volume: '0.10',
        price_open: '1.10010',
        sl: '0.00000',
        tp: '0.00000',
        price_current: '1.10000',
        swap: '0.00',
        profit: '-1.00',
        symbol: 'EURUSD',
        comment: 'c-1',
      },
    ]);
    const transactions = await setup.transactionsSince(from);
    expect(kinds(transactions)[0]).toBe('ORDER_ADD');
    expect(kinds(transactions).slice(1, 4).sort()).toEqual(['DEAL_ADD', 'HISTORY_ADD', 'ORDER_DELETE']);
    expect(transactions.at(-1)).toMatchObject({
      type: 'TRADE_TRANSACTION_REQUEST',
      request_id: 1,
      retcode: 10009,
    });
    expect(transactions.find((t) => t.type === 'TRADE_TRANSACTION_DEAL_ADD')).toMatchObject({
      deal: '40000002',
      order: '50000001',
      position: '50000001',
      price: '1.10010',
      volume: '0.10',
    });
    const account = await setup.kit.call<AccountInfo>('account_info');
    // 0.10 lot × 100 000 EUR at 1.10010 / 100 = 110.01 USD; equity = balance + floating profit.
    expect(account).toMatchObject({
      balance: '10000.00',
      profit: '-1.00',
      equity: '9999.00',
      margin: '110.01',
    });
    expect(account.margin_free).toBe('9888.99');
    expect(account.margin_level).toBe('9089.17');
  });

  it('keeps two positions on one symbol and closes one partially by naming it', async () => {
    const first = await setup.send(buy('0.30'));
    const second = await setup.send(buy('0.20'));
    expect((await setup.kit.call<TradePosition[]>('positions_get')).map((p) => p.ticket)).toEqual([
      first.order,
      second.order,
    ]);
    await setup.terminal.movePrice('EURUSD', '1.10110');
    const close = await setup.send({ ...buy('0.10'), type: 1, position: first.order });
    expect(close).toMatchObject({ retcode: 10009, price: '1.10110', volume: '0.10' });
    const positions = await setup.kit.call<TradePosition[]>('positions_get');
    expect(positions.map((p) => [p.ticket, p.volume])).toEqual([
      [first.order, '0.20'],
      [second.order, '0.20'],
    ]);
    const deals = await setup.kit.call<TradeDeal[]>('history_deals_get', { position: first.order });
    expect(deals.map((d) => [d.entry, d.volume, d.profit])).toEqual([
      [0, '0.30', '0.00'],
      [1, '0.10', '10.00'],
    ]);
    expect((await setup.kit.call<AccountInfo>('account_info')).balance).toBe('10010.00');
    const tooMuch = await setup.send({ ...buy('0.30'), type: 1, position: first.order });
    expect(tooMuch.retcode).toBe(10038);
  });

  it('places a buy limit (10008), lists it, fills it against Ask at its price without REQUEST', async () => {
    const placedFrom = setup.kit.events.length;
    const placed = await setup.send({
      action: 5,
      symbol: 'EURUSD',
      type: 2,
      volume: '0.10',
      price: '1.09900',
      type_filling: 2,
    });
    expect(placed).toMatchObject({ retcode: 10008, order: '50000001', deal: '0' });
    const placing = kinds(await setup.transactionsSince(placedFrom));
    expect(placing.at(-1)).toBe('REQUEST');
    expect(placing.slice(0, -1)).toEqual(expect.arrayContaining(['ORDER_ADD']));
    const [order] = await setup.kit.call<TradeOrder[]>('orders_get');
    expect(order).toMatchObject({
      ticket: placed.order,
      type: 2,
      state: 1,
      price_open: '1.09900',
      volume_current: '0.10',
    });
    // Bid 1.09895 puts Ask at 1.09905: not yet. Bid 1.09890 puts Ask at 1.09900: filled.
    await setup.terminal.movePrice('EURUSD', '1.09895');
    expect(setup.terminal.orders()).toHaveLength(1);
    const fillFrom = setup.kit.events.length;
    await setup.terminal.movePrice('EURUSD', '1.09890');
    const fill = kinds(await setup.transactionsSince(fillFrom));
    expect(fill.sort()).toEqual(['DEAL_ADD', 'HISTORY_ADD', 'ORDER_DELETE']);
    expect(setup.terminal.orders()).toEqual([]);
    expect(setup.terminal.positions()).toMatchObject([{ ticket: placed.order, price_open: '1.09900' }]);
    const history = await setup.kit.call<TradeOrder[]>('history_orders_get', { ticket: placed.order });
    expect(history).toMatchObject([{ state: 4, position_id: placed.order, time_done_msc: SERVER_MS }]);
  });

  it('cancels a pending order: ORDER_DELETE, HISTORY_ADD (CANCELED), REQUEST', async () => {
    const placed = await setup.send({
      action: 5,
      symbol: 'EURUSD',
      type: 3,
      volume: '0.10',
      price: '1.10500',
      type_filling: 2,
    });
    const from = setup.kit.events.length;
    const removed = await setup.send({ action: 8, order: placed.order });
    expect(removed).toMatchObject({ retcode: 10009, order: placed.order });
    const transactions = await setup.transactionsSince(from);
    expect(kinds(transactions)).toEqual(['ORDER_DELETE', 'HISTORY_ADD', 'REQUEST']);
    expect(transactions[0]).toMatchObject({ order: placed.order, order_state: 2 });
    expect(await setup.kit.call('orders_get')).toEqual([]);
    expect((await setup.send({ action: 8, order: placed.order })).retcode).toBe(10013);
  });

  it('activates a buy stop-limit into a buy limit at its stop-limit price, then fills it', async () => {
    const placed = await setup.send({
      action: 5,
      symbol: 'EURUSD',
      type: 6,
      volume: '0.10',
      price: '1.10200',
      stoplimit: '1.10150',
      type_filling: 2,
    });
    expect(placed.retcode).toBe(10008);
    const from = setup.kit.events.length;
    await setup.terminal.movePrice('EURUSD', '1.10190');
    const activation = await setup.transactionsSince(from);
    expect(activation).toMatchObject([
      { type: 'TRADE_TRANSACTION_ORDER_UPDATE', order: placed.order, order_type: 2, price: '1.10150' },
    ]);
    expect(setup.terminal.orders()).toMatchObject([
      { type: 2, type_filling: 2, price_open: '1.10150', price_stoplimit: '1.10150' },
    ]);
    expect(setup.terminal.positions()).toEqual([]);
    await setup.terminal.movePrice('EURUSD', '1.10140');
    expect(setup.terminal.positions()).toMatchObject([{ ticket: placed.order, price_open: '1.10150' }]);
  });

  it('closes at SL by the server: DEAL_ENTRY_OUT, reason 4, comment overwritten, no REQUEST', async () => {
    const opened = await setup.send(buy('0.10', { sl: '1.09000', tp: '1.11000' }));
    const from = setup.kit.events.length;
    await setup.terminal.movePrice('EURUSD', '1.09000');
    const transactions = await setup.transactionsSince(from);
    expect(kinds(transactions)[0]).toBe('ORDER_ADD');
    expect(kinds(transactions)).not.toContain('REQUEST');
    expect(setup.terminal.positions()).toEqual([]);
    const deals = await setup.kit.call<TradeDeal[]>('history_deals_get', { position: opened.order });
    expect(deals[1]).toMatchObject({
      entry: 1,
      reason: 4,
      type: 1,
      price: '1.09000',
      comment: '[sl 1.09000]',
      profit: '-101.00',
    });
    const closing = await setup.kit.call<TradeOrder[]>('history_orders_get', { ticket: deals[1]!.order });
    expect(closing).toMatchObject([
      { reason: 4, comment: '[sl 1.09000]', position_id: opened.order, state: 4 },
    ]);
  });

  it('closes a sell at TP when Ask reaches it, with "[tp …]"', async () => {
    const opened = await setup.send({ ...buy('0.10'), type: 1, tp: '1.09500' });
    await setup.terminal.movePrice('EURUSD', '1.09490');
    const deals = await setup.kit.call<TradeDeal[]>('history_deals_get', { position: opened.order });
    expect(deals[1]).toMatchObject({
      entry: 1,
      reason: 5,
      type: 0,
      price: '1.09500',
      comment: '[tp 1.09500]',
      profit: '50.00',
    });
  });

  it('modifies SL/TP of a position: POSITION then REQUEST, and 10025 when nothing changes', async () => {
    const opened = await setup.send(buy('0.10'));
    const from = setup.kit.events.length;
    const sltp = { action: 6, symbol: 'EURUSD', position: opened.order, sl: '1.09500', tp: '1.10500' };
    expect((await setup.send(sltp)).retcode).toBe(10009);
    expect(kinds(await setup.transactionsSince(from))).toEqual(['POSITION', 'REQUEST']);
    expect(setup.terminal.positions()).toMatchObject([{ sl: '1.09500', tp: '1.10500' }]);
    expect((await setup.send(sltp)).retcode).toBe(10025);
    expect((await setup.send({ ...sltp, position: '123' })).retcode).toBe(10013);
  });

  it('expires a SPECIFIED pending order at its server-time expiration without REQUEST', async () => {
    const serverNow = Math.floor(setup.terminal.serverTimeMs() / 1000);
    const placed = await setup.send({
      action: 5,
      symbol: 'EURUSD',
      type: 2,
      volume: '0.10',
      price: '1.09000',
      type_filling: 2,
      type_time: 2,
      expiration: serverNow + 60,
    });
    expect(setup.terminal.orders()).toMatchObject([{ time_expiration: serverNow + 60, type_time: 2 }]);
    const from = setup.kit.events.length;
    setup.clock.now += 61_000;
    await setup.terminal.advance();
    expect(kinds(await setup.transactionsSince(from))).toEqual(['ORDER_DELETE', 'HISTORY_ADD']);
    expect(await setup.kit.call('history_orders_get', { ticket: placed.order })).toMatchObject([
      { state: 6 },
    ]);
  });
});
