import { EventName, OrderAction, OrderType, SecType, TimeInForce } from '@stoqey/ib';
import type { Contract, Order } from '@stoqey/ib';
import { startTwsClientKit, type TwsClientEvent, type TwsClientKit } from './testing/tws-client-kit.js';

const AAPL: Contract = { symbol: 'AAPL', secType: SecType.STK, exchange: 'SMART', currency: 'USD' };
const order = (fields: Partial<Order>): Order => ({
  action: OrderAction.BUY,
  orderType: OrderType.MKT,
  totalQuantity: 10,
  tif: TimeInForce.DAY,
  transmit: true,
  ...fields,
});

const named = (name: EventName, id?: number) => (event: TwsClientEvent) =>
  event.name === name && (id === undefined || event.args[0] === id);
const statusOf = (kit: TwsClientKit, orderId: number): string[] =>
  kit.events.filter(named(EventName.orderStatus, orderId)).map((event) => String(event.args[1]));
const errorCodes = (kit: TwsClientKit, id: number): number[] =>
  kit.events
    .filter((event) => event.name === EventName.error && event.args[2] === id)
    .map((e) => e.args[1] as number);

/** The unmodified @stoqey/ib client places, fills and cancels orders on the simulator over TCP. */
describe('TWS simulator: orders through the real client', () => {
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

  it('greets the client: managed accounts, the next valid id and the farm notices', () => {
    expect(kit.events.find(named(EventName.managedAccounts))?.args[0]).toBe('DU1234567');
    expect(kit.nextValidId).toBe(1);
    const notices = kit.events.filter(named(EventName.info)).map((event) => event.args[1]);
    expect(notices).toEqual(expect.arrayContaining([2104, 2106, 2158]));
  });

  it('fills a market order in TWS order: open order, status, execution, filled, commission', async () => {
    const id = nextId++;
    kit.api.placeOrder(id, AAPL, order({ orderRef: 'client-1' }));
    const commission = await kit.waitFor(named(EventName.commissionReport));
    const sequence = kit.events
      .filter((event) =>
        [
          EventName.openOrder,
          EventName.orderStatus,
          EventName.execDetails,
          EventName.commissionReport,
        ].includes(event.name),
      )
      .map((event) => event.name);
    expect(sequence).toEqual([
      'openOrder',
      'orderStatus',
      'execDetails',
      'openOrder',
      'orderStatus',
      'commissionReport',
    ]);
    const exec = kit.events.find(named(EventName.execDetails))!.args[2] as {
      execId: string;
      shares: number;
      price: number;
      side: string;
      orderRef: string;
    };
    expect(exec).toMatchObject({ shares: 10, price: 190.01, side: 'BOT', orderRef: 'client-1' });
    expect((commission.args[0] as { execId: string }).execId).toBe(exec.execId);
    expect(statusOf(kit, id)).toEqual(['Submitted', 'Filled']);
    const filled = kit.events.filter(named(EventName.orderStatus, id)).at(-1)!.args;
    expect(filled.slice(1, 5)).toEqual(['Filled', 10, 0, 190.01]);
  });

  it('rests a far limit order and cancels it with 202', async () => {
    const id = nextId++;
    kit.api.placeOrder(id, AAPL, order({ orderType: OrderType.LMT, lmtPrice: 150 }));
    await kit.waitFor(named(EventName.orderStatus, id));
    kit.api.cancelOrder(id);
    await kit.waitFor((event) => event.name === EventName.error && event.args[1] === 202);
    expect(statusOf(kit, id)).toEqual(['Submitted', 'PendingCancel', 'Cancelled']);
    const described = kit.events.filter(named(EventName.openOrder, id)).length;
    kit.api.reqOpenOrders();
    await kit.waitFor(named(EventName.openOrderEnd));
    expect(kit.events.filter(named(EventName.openOrder, id))).toHaveLength(described);
  });

  it('refuses what TWS refuses, with its codes', async () => {
    kit.api.placeOrder(nextId, { ...AAPL, symbol: 'NOPE' }, order({}));
    kit.api.placeOrder(nextId + 1, AAPL, order({ orderType: OrderType.LMT, lmtPrice: 150.005 }));
    kit.api.placeOrder(nextId + 2, AAPL, order({ orderType: OrderType.LMT, lmtPrice: 150 }));
    kit.api.placeOrder(nextId + 2, AAPL, order({ orderType: OrderType.LMT, lmtPrice: 150 }));
    kit.api.placeOrder(nextId + 1, AAPL, order({}));
    kit.api.cancelOrder(999);
    await kit.waitFor((event) => event.name === EventName.error && event.args[2] === 999);
    expect(errorCodes(kit, nextId)).toEqual([200]);
    expect(errorCodes(kit, nextId + 1)).toEqual([110, 103]);
    expect(errorCodes(kit, nextId + 2)).toEqual([105]);
    expect(errorCodes(kit, 999)).toEqual([10147]);
  });

  it('takes a crypto market buy only as a cash amount (10289), never with a size beside it (10293)', async () => {
    const bitcoin: Contract = { symbol: 'BTC', secType: SecType.CRYPTO, exchange: 'PAXOS', currency: 'USD' };
    kit.api.placeOrder(nextId, bitcoin, order({ totalQuantity: 0.01 }));
    kit.api.placeOrder(nextId + 1, bitcoin, order({ totalQuantity: 0.01, cashQty: 1000 }));
    kit.api.placeOrder(nextId + 2, bitcoin, order({ totalQuantity: undefined, cashQty: 1300 }));
    await kit.waitFor(named(EventName.commissionReport));
    expect(errorCodes(kit, nextId)).toEqual([10289]);
    expect(errorCodes(kit, nextId + 1)).toEqual([10293]);
    const exec = kit.events.find(named(EventName.execDetails))!.args[2] as { shares: number; side: string };
    // 1,300 USD at an ask of 65,000.25 buys 0.0199 BTC on the 0.0001 size increment.
    expect(exec).toMatchObject({ shares: 0.0199, side: 'BOT' });
  });

  it('rejects the next order when a test says so, with the code given, and takes the one after', async () => {
    kit.simulator.rejectNextOrder(201, 'Order rejected - reason:Trading permissions missing');
    kit.api.placeOrder(nextId, AAPL, order({ orderType: OrderType.LMT, lmtPrice: 150 }));
    kit.api.placeOrder(nextId + 1, AAPL, order({ orderType: OrderType.LMT, lmtPrice: 150 }));
    await kit.waitFor(named(EventName.orderStatus, nextId + 1));
    const refused = kit.events.find((event) => event.name === EventName.error && event.args[2] === nextId);
    expect(refused?.args.slice(1, 2)).toEqual([201]);
    expect(String(refused?.args[0])).toMatch(/Trading permissions missing/);
    expect(statusOf(kit, nextId)).toEqual([]);
  });

  it('keeps an order sent without transmit in TWS, unsent', async () => {
    const id = nextId++;
    kit.api.placeOrder(id, AAPL, order({ transmit: undefined }));
    kit.api.reqIds();
    await kit.waitFor(named(EventName.nextValidId), kit.events.length);
    await kit.simulator.settled();
    expect(kit.events.filter(named(EventName.openOrder, id))).toEqual([]);
  });

  it('sends a bracket when its last leg is transmitted; the take-profit fill cancels the stop-loss', async () => {
    const parent = nextId;
    kit.api.placeOrder(parent, AAPL, order({ orderType: OrderType.LMT, lmtPrice: 189, transmit: false }));
    kit.api.placeOrder(
      parent + 1,
      AAPL,
      order({
        action: OrderAction.SELL,
        orderType: OrderType.LMT,
        lmtPrice: 195,
        parentId: parent,
        ocaGroup: 'oca-b',
        transmit: false,
      }),
    );
    kit.api.placeOrder(
      parent + 2,
      AAPL,
      order({
        action: OrderAction.SELL,
        orderType: OrderType.STP,
        auxPrice: 185,
        parentId: parent,
        ocaGroup: 'oca-b',
        transmit: true,
      }),
    );
    await kit.waitFor(named(EventName.orderStatus, parent + 2));
    expect([statusOf(kit, parent), statusOf(kit, parent + 1)]).toEqual([['Submitted'], ['PreSubmitted']]);
    await kit.simulator.setPrice('AAPL', '188');
    await kit.waitFor(
      (event) => named(EventName.orderStatus, parent + 1)(event) && event.args[1] === 'Submitted',
    );
    expect(statusOf(kit, parent).at(-1)).toBe('Filled');
    expect(statusOf(kit, parent + 2)).toEqual(['PreSubmitted']);
    await kit.simulator.setPrice('AAPL', '196');
    await kit.waitFor(
      (event) => event.name === EventName.error && event.args[2] === parent + 2 && event.args[1] === 202,
    );
    expect(statusOf(kit, parent + 1).at(-1)).toBe('Filled');
    expect(statusOf(kit, parent + 2).at(-1)).toBe('Cancelled');
  });

  it('trails a sell stop up behind the bid and sends it to market when touched', async () => {
    const id = nextId++;
    kit.api.placeOrder(id, AAPL, order({}));
    await kit.waitFor(named(EventName.commissionReport));
    const trail = nextId++;
    kit.api.placeOrder(
      trail,
      AAPL,
      order({ action: OrderAction.SELL, orderType: OrderType.TRAIL, auxPrice: 2 }),
    );
    await kit.waitFor(named(EventName.orderStatus, trail));
    await kit.simulator.setPrice('AAPL', '200');
    await kit.simulator.setPrice('AAPL', '198.5');
    expect(statusOf(kit, trail)).toEqual(['PreSubmitted']);
    await kit.simulator.setPrice('AAPL', '197.5');
    await kit.waitFor((event) => named(EventName.orderStatus, trail)(event) && event.args[1] === 'Filled');
    const exec = kit.events.filter(named(EventName.execDetails)).at(-1)!.args[2] as {
      price: number;
      side: string;
    };
    expect(exec).toMatchObject({ side: 'SLD', price: 197.49 });
  });

  it('answers reqExecutions and reqOpenOrders from what happened, including to a client that reconnects', async () => {
    kit.api.placeOrder(nextId, AAPL, order({}));
    kit.api.placeOrder(nextId + 1, AAPL, order({ orderType: OrderType.LMT, lmtPrice: 150 }));
    await kit.waitFor(named(EventName.orderStatus, nextId + 1));
    kit.api.reqExecutions(42, {});
    const end = await kit.waitFor(named(EventName.execDetailsEnd, 42));
    const answered = kit.events.slice(0, kit.events.indexOf(end)).filter(named(EventName.execDetails, 42));
    expect(answered).toHaveLength(1);
    kit.api.reqExecutions(43, { time: '20990101-00:00:00' });
    await kit.waitFor(named(EventName.execDetailsEnd, 43));
    expect(kit.events.filter(named(EventName.execDetails, 43))).toEqual([]);
    kit.api.reqAllOpenOrders();
    await kit.waitFor(named(EventName.openOrderEnd));
    const open = kit.events.filter(named(EventName.openOrder)).map((event) => event.args[0]);
    expect(open.at(-1)).toBe(nextId + 1);
  });

  it('refuses a second connection with a client id in use (326)', async () => {
    await expect(kit.connectClient(7)).rejects.toThrow('disconnected');
    expect(kit.api.isConnected).toBe(true);
  });

  it('rolls NEXT_VALID_ID back as a gateway restart does, and a reused id is a duplicate (103)', async () => {
    kit.api.placeOrder(5, AAPL, order({ orderType: OrderType.LMT, lmtPrice: 150 }));
    await kit.waitFor(named(EventName.orderStatus, 5));
    kit.simulator.rollBackNextValidId(7, 2);
    const from = kit.events.length;
    kit.api.reqIds();
    expect((await kit.waitFor(named(EventName.nextValidId), from)).args[0]).toBe(2);
    kit.api.placeOrder(2, AAPL, order({ orderType: OrderType.LMT, lmtPrice: 150 }));
    await kit.waitFor((event) => event.name === EventName.error && event.args[2] === 2);
    expect(errorCodes(kit, 2)).toEqual([103]);
  });

  it('loses order messages while TWS has no link to IB (1100), and says when it is back (1102)', async () => {
    await kit.simulator.connectivityLost();
    kit.api.placeOrder(nextId, AAPL, order({}));
    await kit.answered('3');
    await kit.simulator.connectivityRestored({ dataKept: true });
    await kit.waitFor((event) => event.name === EventName.info && event.args[1] === 1102);
    expect(kit.events.filter(named(EventName.execDetails))).toEqual([]);
    kit.api.reqExecutions(9, {});
    await kit.waitFor(named(EventName.execDetailsEnd, 9));
    expect(kit.events.filter(named(EventName.execDetails, 9))).toHaveLength(1);
  });
});
