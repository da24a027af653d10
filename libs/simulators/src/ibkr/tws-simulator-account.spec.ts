import { EventName, OrderAction, OrderType, SecType, TimeInForce } from '@stoqey/ib';
import type { Contract, Order } from '@stoqey/ib';
import { DEFAULT_TWS_ACCOUNT } from './tws-simulator-defaults.js';
import { startTwsClientKit, type TwsClientEvent, type TwsClientKit } from './testing/tws-client-kit.js';

const AAPL: Contract = { symbol: 'AAPL', secType: SecType.STK, exchange: 'SMART', currency: 'USD' };
const AAPL_CON_ID = 265598;
const ACCOUNT = DEFAULT_TWS_ACCOUNT;
const marketOrder = (action: OrderAction, totalQuantity = 10): Order => ({
  action,
  orderType: OrderType.MKT,
  totalQuantity,
  tif: TimeInForce.DAY,
  transmit: true,
});

/** AAPL quoted 189.99 / 190.01: 10 bought at 190.01 cost 1900.10 and 0.5 bp commission. */
const COST = 1900.1;
const COMMISSION = 0.095005;

const named = (name: EventName, id?: unknown) => (event: TwsClientEvent) =>
  event.name === name && (id === undefined || event.args[0] === id);
const errorOf = (id: number, code?: number) => (event: TwsClientEvent) =>
  event.name === EventName.error && event.args[2] === id && (code === undefined || event.args[1] === code);
/** The last value of each summary tag of one request, from event `from` on. */
const summaryOf = (kit: TwsClientKit, reqId: number, from = 0): Record<string, string> =>
  Object.fromEntries(
    kit.events
      .slice(from)
      .filter(named(EventName.accountSummary, reqId))
      .map((event) => [event.args[2] as string, event.args[3] as string]),
  );

/** Positions, account summary, account updates and P&L through the unmodified @stoqey/ib client. */
describe('TWS simulator: account data through the real client', () => {
  let kit: TwsClientKit;
  let nextId: number;

  beforeEach(async () => {
    kit = await startTwsClientKit();
    nextId = kit.nextValidId;
    await kit.simulator.setPrice('AAPL', '190');
  });

  afterEach(async () => {
    expect(kit.decodeErrors).toEqual([]);
    await kit.close();
  });

  /** Places a market order and resolves once its commission report arrived. */
  async function fill(action: OrderAction): Promise<void> {
    const from = kit.events.length;
    kit.api.placeOrder(nextId++, AAPL, marketOrder(action));
    await kit.waitFor(named(EventName.commissionReport), from);
  }

  it('lists positions after a fill, then streams each change until cancelled (0 when closed)', async () => {
    await fill(OrderAction.BUY);
    kit.api.reqPositions();
    await kit.waitFor(named(EventName.positionEnd));
    const listed = kit.events.filter(named(EventName.position));
    expect(listed).toHaveLength(1);
    const [account, contract, position, avgCost] = listed[0]!.args as [string, Contract, number, number];
    expect(account).toBe(ACCOUNT);
    expect(contract).toMatchObject({ conId: AAPL_CON_ID, symbol: 'AAPL', secType: 'STK', exchange: 'SMART' });
    expect(position).toBe(10);
    expect(avgCost).toBe(190.01);

    const from = kit.events.length;
    await fill(OrderAction.SELL);
    const closed = await kit.waitFor(named(EventName.position), from);
    expect(closed.args.slice(2)).toEqual([0, 0]);

    kit.api.cancelPositions();
    await kit.answered('64');
    const after = kit.events.length;
    await fill(OrderAction.BUY);
    await kit.simulator.settled();
    expect(kit.events.slice(after).filter(named(EventName.position))).toEqual([]);
  });

  it('streams a position opened after the request', async () => {
    kit.api.reqPositions();
    await kit.waitFor(named(EventName.positionEnd));
    expect(kit.events.filter(named(EventName.position))).toEqual([]);
    await fill(OrderAction.BUY);
    const opened = await kit.waitFor(named(EventName.position));
    expect(opened.args.slice(2)).toEqual([10, 190.01]);
  });

  it('summarises the account consistently with a fill: cash down by cost and commission', async () => {
    await fill(OrderAction.BUY);
    kit.api.reqAccountSummary(
      21,
      'All',
      'AccountType,NetLiquidation,TotalCashValue,SettledCash,BuyingPower,GrossPositionValue,InitMarginReq,MaintMarginReq,AvailableFunds,ExcessLiquidity,Cushion',
    );
    await kit.waitFor(named(EventName.accountSummaryEnd, 21));
    const rows = kit.events.filter(named(EventName.accountSummary, 21));
    expect(rows).toHaveLength(11);
    expect(rows.every((row) => row.args[1] === ACCOUNT)).toBe(true);
    const summary = summaryOf(kit, 21);
    expect(summary.AccountType).toBe('INDIVIDUAL');
    expect(Number(summary.TotalCashValue)).toBeCloseTo(1_000_000 - COST - COMMISSION, 2);
    expect(summary.SettledCash).toBe(summary.TotalCashValue);
    // Marked at the mid 190: 10 × (190 − 190.01) unrealized.
    expect(Number(summary.NetLiquidation)).toBeCloseTo(1_000_000 - COMMISSION - 0.1, 2);
    expect(Number(summary.GrossPositionValue)).toBeCloseTo(1900, 2);
    // AAPL's margin: 1900 / leverage 4; maintenance half of it; buying power 4 × available funds.
    expect(Number(summary.InitMarginReq)).toBeCloseTo(475, 2);
    expect(Number(summary.MaintMarginReq)).toBeCloseTo(237.5, 2);
    expect(Number(summary.AvailableFunds)).toBeCloseTo(Number(summary.NetLiquidation) - 475, 2);
    expect(Number(summary.ExcessLiquidity)).toBeCloseTo(Number(summary.NetLiquidation) - 237.5, 2);
    expect(Number(summary.BuyingPower)).toBeCloseTo(4 * Number(summary.AvailableFunds), 1);
    const currencies = Object.fromEntries(rows.map((row) => [row.args[2], row.args[4]]));
    expect(currencies).toMatchObject({ AccountType: '', Cushion: '', NetLiquidation: 'USD' });
  });

  it('re-sends changed summary values on a fill, and refuses a third subscription with 322', async () => {
    kit.api.reqAccountSummary(22, 'All', 'TotalCashValue,AccountType');
    kit.api.reqAccountSummary(23, 'All', '$LEDGER');
    kit.api.reqAccountSummary(24, 'All', 'NetLiquidation');
    await kit.waitFor(errorOf(24, 322));
    await kit.waitFor(named(EventName.accountSummaryEnd, 23));
    expect(summaryOf(kit, 22)).toEqual({ TotalCashValue: '1000000.00', AccountType: 'INDIVIDUAL' });
    expect(summaryOf(kit, 23)).toMatchObject({
      CashBalance: '1000000.00',
      NetLiquidationByCurrency: '1000000.00',
    });
    expect(kit.events.filter(named(EventName.accountSummary, 24))).toEqual([]);

    const from = kit.events.length;
    await fill(OrderAction.BUY);
    await kit.waitFor(named(EventName.accountSummaryEnd, 22), from);
    expect(Object.keys(summaryOf(kit, 22, from))).toEqual(['TotalCashValue']);
    expect(Number(summaryOf(kit, 22, from).TotalCashValue)).toBeCloseTo(1_000_000 - COST - COMMISSION, 2);

    kit.api.cancelAccountSummary(22);
    kit.api.reqAccountSummary(25, 'All', 'NetLiquidation');
    await kit.waitFor(named(EventName.accountSummaryEnd, 25));
  });

  it('sends account updates: values, the portfolio, the time and the download end; then changes', async () => {
    await fill(OrderAction.BUY);
    kit.api.reqAccountUpdates(true, ACCOUNT);
    await kit.waitFor(named(EventName.accountDownloadEnd, ACCOUNT));
    const values = Object.fromEntries(
      kit.events
        .filter(named(EventName.updateAccountValue))
        .filter((event) => event.args[2] !== 'BASE')
        .map((event) => [event.args[0], event.args[1]]),
    );
    expect(values).toMatchObject({ AccountCode: ACCOUNT, AccountType: 'INDIVIDUAL', Currency: 'USD' });
    expect(Number(values.TotalCashValue)).toBeCloseTo(1_000_000 - COST - COMMISSION, 2);
    expect(Number(values.UnrealizedPnL)).toBeCloseTo(-0.1, 2);
    expect(Number(values.RealizedPnL)).toBe(0);
    const [contract, ...holding] = kit.events.find(named(EventName.updatePortfolio))!.args as [
      Contract,
      ...unknown[],
    ];
    expect(contract).toMatchObject({ conId: AAPL_CON_ID, symbol: 'AAPL', primaryExch: 'NASDAQ' });
    expect(holding).toEqual([10, 190, 1900, 190.01, -0.1, 0, ACCOUNT]);
    expect(kit.events.find(named(EventName.updateAccountTime))?.args[0]).toMatch(/^\d{2}:\d{2}$/);

    const from = kit.events.length;
    await fill(OrderAction.SELL);
    const closed = await kit.waitFor(named(EventName.updatePortfolio), from);
    expect(closed.args[1]).toBe(0);
    await kit.waitFor(named(EventName.updateAccountTime), from);

    kit.api.reqAccountUpdates(false, ACCOUNT);
    await kit.answered('6');
    const after = kit.events.length;
    await fill(OrderAction.BUY);
    await kit.simulator.settled();
    expect(kit.events.slice(after).filter(named(EventName.updatePortfolio))).toEqual([]);
  });

  it('streams the P&L of the account and of one position; an unknown conId gets no answer', async () => {
    await fill(OrderAction.BUY);
    kit.api.reqPnL(31, ACCOUNT, '');
    kit.api.reqPnLSingle(32, ACCOUNT, '', AAPL_CON_ID);
    kit.api.reqPnLSingle(33, ACCOUNT, '', 999);
    await kit.waitFor(named(EventName.pnlSingle, 32));
    const pnl = await kit.waitFor(named(EventName.pnl, 31));
    expect(pnl.args[1]).toBeCloseTo(-0.1, 2);
    expect(pnl.args.slice(2)).toEqual([-0.1, 0]);
    expect(kit.events.find(named(EventName.pnlSingle, 32))!.args.slice(1)).toEqual([10, -0.1, -0.1, 0, 1900]);

    const from = kit.events.length;
    await kit.simulator.setPrice('AAPL', '191');
    const moved = await kit.waitFor(named(EventName.pnlSingle, 32), from);
    expect(moved.args.slice(1)).toEqual([10, 9.9, 9.9, 0, 1910]);
    expect((await kit.waitFor(named(EventName.pnl, 31), from)).args.slice(1)).toEqual([9.9, 9.9, 0]);

    kit.api.cancelPnL(31);
    kit.api.cancelPnLSingle(32);
    await kit.answered('95');
    const after = kit.events.length;
    await kit.simulator.setPrice('AAPL', '192');
    await kit.simulator.settled();
    expect(
      kit.events
        .slice(after)
        .filter((event) => event.name === EventName.pnl || event.name === EventName.pnlSingle),
    ).toEqual([]);
    expect(kit.events.filter(named(EventName.pnlSingle, 33))).toEqual([]);
    expect(kit.events.filter(errorOf(33))).toEqual([]);
  });

  it('follows one account at a time: another replaces the first with notice 2100', async () => {
    await kit.close();
    kit = await startTwsClientKit({
      accounts: [
        { code: 'DU111', currency: 'USD', startingCash: '1000' },
        { code: 'DU222', currency: 'USD', startingCash: '2000' },
      ],
    });
    kit.api.reqAccountUpdates(true, 'DU111');
    await kit.waitFor(named(EventName.accountDownloadEnd, 'DU111'));
    const from = kit.events.length;
    kit.api.reqAccountUpdates(true, 'DU222');
    await kit.waitFor(named(EventName.accountDownloadEnd, 'DU222'), from);
    const notices = kit.events.slice(from).filter((event) => event.name === EventName.info);
    expect(notices.map((event) => event.args[1])).toEqual([2100]);
    const cash = kit.events
      .slice(from)
      .find(
        (event) => named(EventName.updateAccountValue, 'TotalCashValue')(event) && event.args[2] === 'USD',
      );
    expect(cash?.args.slice(1)).toEqual(['2000.00', 'USD', 'DU222']);

    kit.api.reqAccountSummary(41, 'All', 'NetLiquidation');
    await kit.waitFor(named(EventName.accountSummaryEnd, 41));
    const rows = kit.events
      .filter(named(EventName.accountSummary, 41))
      .map((event) => event.args.slice(1, 4));
    expect(rows).toEqual([
      ['DU111', 'NetLiquidation', '1000.00'],
      ['DU222', 'NetLiquidation', '2000.00'],
    ]);
  });
});
