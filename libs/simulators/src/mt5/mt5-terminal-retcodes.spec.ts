import { marketBuyRequest, openTerminal, type Mt5SpecSetup } from './testing/mt5-spec-setup.js';

const pending = (extra: Record<string, unknown> = {}) => ({
  action: 5,
  symbol: 'EURUSD',
  type: 2,
  volume: '0.10',
  price: '1.09900',
  type_filling: 2,
  ...extra,
});

describe('Mt5TerminalSimulator refusals', () => {
  let setup: Mt5SpecSetup;
  beforeEach(async () => {
    setup = await openTerminal({ historyMinutes: 60 });
    await setup.terminal.movePrice('EURUSD', '1.10000');
    await setup.terminal.movePrice('XAUUSD', '2000.00');
  });
  afterEach(async () => setup.close());

  const retcode = async (params: Record<string, unknown>): Promise<number> =>
    (await setup.send(params)).retcode;

  it('10014 for a volume off the step, below the minimum or above the maximum', async () => {
    expect(await retcode(marketBuyRequest({ volume: '0.015' }))).toBe(10014);
    expect(await retcode(marketBuyRequest({ volume: '0.001' }))).toBe(10014);
    expect(await retcode(marketBuyRequest({ volume: '100.01' }))).toBe(10014);
    expect(setup.terminal.positions()).toEqual([]);
  });

  it('10015 for a price off the tick size or a pending price on the wrong side', async () => {
    expect(await retcode(pending({ price: '1.099005' }))).toBe(10015);
    expect(await retcode(pending({ price: '1.10100' }))).toBe(10015);
    expect(await retcode(marketBuyRequest({ sl: '1.090001' }))).toBe(10015);
  });

  it('10016 for SL/TP or a pending price within the stops level (buy levels against Bid)', async () => {
    // Bid 1.10000, Ask 1.10010, stops level 10 points.
    expect(await retcode(marketBuyRequest({ sl: '1.09991' }))).toBe(10016);
    expect(await retcode(marketBuyRequest({ sl: '1.09990', tp: '1.10009' }))).toBe(10016);
    expect(await retcode(marketBuyRequest({ type: 1, sl: '1.10019' }))).toBe(10016);
    expect(await retcode(pending({ price: '1.10001' }))).toBe(10016);
    expect(await retcode(pending({ sl: '1.09895' }))).toBe(10016);
    expect(await retcode(marketBuyRequest({ sl: '1.09990', tp: '1.10010' }))).toBe(10009);
  });

  it('10030 for RETURN on a Market-execution deal; pending orders take RETURN', async () => {
    expect(await retcode(marketBuyRequest({ type_filling: 2 }))).toBe(10030);
    expect(await retcode(marketBuyRequest({ type_filling: undefined }))).toBe(10030);
    expect(await retcode(pending({ type_filling: 2 }))).toBe(10008);
  });

  it('10018 while the market is closed by the hook, until it is opened again', async () => {
    setup.terminal.setMarketOpen('EURUSD', false);
    expect(await retcode(marketBuyRequest())).toBe(10018);
    setup.terminal.setMarketOpen('EURUSD', true);
    expect(await retcode(marketBuyRequest())).toBe(10009);
  });

  it('10018 on Friday after 23:55 server time, from the weekly schedule', async () => {
    // Friday 16 January 2026 21:56 UTC is 23:56 on the GMT+2 server.
    setup.clock.now = Date.UTC(2026, 0, 16, 21, 56);
    expect(await retcode(marketBuyRequest())).toBe(10018);
    setup.clock.now = Date.UTC(2026, 0, 16, 21, 54);
    expect(await retcode(marketBuyRequest())).toBe(10009);
  });

  it('10019 when the margin exceeds the free margin', async () => {
    // 100 lots × 100 000 × 1.1001 / 100 = 110 010 USD of margin against 10 000 of equity.
    expect(await retcode(marketBuyRequest({ volume: '100' }))).toBe(10019);
    expect(await retcode(marketBuyRequest({ volume: '9' }))).toBe(10009);
  });

  it('10022 for an expiration the symbol does not allow or that has passed', async () => {
    const serverNow = Math.floor(setup.terminal.serverTimeMs() / 1000);
    expect(await retcode(pending({ type_time: 2, expiration: serverNow - 1 }))).toBe(10022);
    expect(await retcode(pending({ type_time: 7 }))).toBe(10022);
  });

  it('10004 requote on an Instant-execution symbol with the new bid and ask', async () => {
    setup.terminal.requoteNext();
    const gold = {
      action: 1,
      symbol: 'XAUUSD',
      type: 0,
      volume: '0.10',
      price: '2000.30',
      deviation: 10,
      type_filling: 0,
    };
    const requote = await setup.send(gold);
    expect(requote).toMatchObject({ retcode: 10004, comment: 'Requote', deal: '0', order: '0' });
    expect(Number(requote.ask)).toBeGreaterThan(2000.3 + 0.1);
    expect(requote.bid).toMatch(/^\d+\.\d{2}$/);
    expect(setup.terminal.positions()).toEqual([]);
    const retry = await setup.send({ ...gold, price: requote.ask });
    expect(retry).toMatchObject({ retcode: 10009, price: requote.ask });
    // Market execution never requotes.
    setup.terminal.requoteNext();
    expect(await retcode(marketBuyRequest())).toBe(10009);
  });

  it('rejectNext answers the next order_send with that retcode and comment, then trades again', async () => {
    setup.terminal.rejectNext(10006, 'Dealer rejected');
    const from = setup.kit.events.length;
    const rejected = await setup.send(marketBuyRequest());
    expect(rejected).toMatchObject({ retcode: 10006, comment: 'Dealer rejected', request_id: 1 });
    expect(setup.kit.transactions(from)).toMatchObject([
      { type: 'TRADE_TRANSACTION_REQUEST', retcode: 10006, request_id: 1 },
    ]);
    expect(setup.terminal.positions()).toEqual([]);
    expect(await retcode(marketBuyRequest())).toBe(10009);
  });

  it('10013 for closing a position that does not exist', async () => {
    expect(await retcode(marketBuyRequest({ type: 1, position: '777' }))).toBe(10013);
  });
});
