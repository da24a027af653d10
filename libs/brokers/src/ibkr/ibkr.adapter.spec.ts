import { TwsSimulator } from '#simulators/ibkr/tws-simulator.js';
import type { BrokerEvent, OrderRequest } from '../domain/index.js';
import { BrokerConnectionError, InsufficientFundsError, UnknownSymbolError } from '../errors/index.js';
import type { VenueLogger } from '../port/broker-venue.js';
import type { IbkrConfig } from './ibkr-config.js';
import type { IbkrAdapter } from './ibkr.adapter.js';
import {
  fillEventsOf,
  ibkrOrder as order,
  orderEventsOf,
  PLACE_ORDER_FIELD as PLACE,
  waitFor,
} from './testing/ibkr-spec-helpers.js';
import { ibkrTestAdapter } from './testing/ibkr-test-adapter.js';

describe('IbkrAdapter against the TWS simulator', () => {
  let simulator: TwsSimulator;
  let port: number;
  let adapter: IbkrAdapter;
  let events: BrokerEvent[];
  const extra: IbkrAdapter[] = [];

  const start = (overrides: Partial<IbkrConfig> = {}, log?: VenueLogger): IbkrAdapter => {
    const made = ibkrTestAdapter(port, overrides, log);
    extra.push(made);
    return made;
  };
  const orderEvents = (brokerOrderId: string) => orderEventsOf(events, brokerOrderId);
  const fillEvents = (brokerOrderId: string) => fillEventsOf(events, brokerOrderId);

  beforeEach(async () => {
    simulator = new TwsSimulator();
    port = await simulator.start();
    adapter = start();
    events = [];
    adapter.events.subscribe((event) => events.push(event));
  });

  afterEach(async () => {
    for (const each of extra.splice(0)) await each.disconnect();
    await simulator.stop();
  });

  it('sends a bracket as three legs with transmit set on each, only the last one true', async () => {
    await adapter.connect();
    const ack = await adapter.placeOrder(
      order('bracket-1', { type: 'limit', price: '150', takeProfit: '210', stopLoss: '140' }),
    );
    const legs = simulator.received.filter((each) => each.fields[0] === '3');
    expect(
      legs.map((leg) => [leg.fields[PLACE.orderRef], leg.fields[PLACE.transmit], leg.fields[PLACE.parentId]]),
    ).toEqual([
      ['bracket-1', '0', ''],
      ['bracket-1-tp', '0', ack.brokerOrderId],
      ['bracket-1-sl', '1', ack.brokerOrderId],
    ]);
    expect(legs.map((leg) => leg.fields[PLACE.ocaGroup])).toEqual([
      '',
      `oca-${ack.brokerOrderId}`,
      `oca-${ack.brokerOrderId}`,
    ]);
    const open = await adapter.getOpenOrders();
    expect(open.map((o) => [o.clientOrderId, o.role, o.parentOrderId])).toEqual(
      expect.arrayContaining([
        ['bracket-1', 'entry', null],
        ['bracket-1-tp', 'take_profit', ack.brokerOrderId],
        ['bracket-1-sl', 'stop_loss', ack.brokerOrderId],
      ]),
    );
  });

  it('stays above the ids of executions today when a new session gets a rolled-back nextValidId', async () => {
    await adapter.connect();
    const first = await adapter.placeOrder(order('session-1'));
    await waitFor(() => orderEvents(first.brokerOrderId).some((o) => o.status === 'filled'), 'the fill');
    await adapter.disconnect();
    simulator.rollBackNextValidId(1, 1);
    const restarted = start();
    await restarted.connect();
    const second = await restarted.placeOrder(order('session-2'));
    expect(Number(second.brokerOrderId)).toBeGreaterThan(Number(first.brokerOrderId));
  });

  it('reports a client id in use (326) as a connection error, and stays down', async () => {
    await adapter.connect();
    const twin = start();
    const failure = await twin.connect().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(BrokerConnectionError);
    expect(failure).toMatchObject({ brokerCode: '326' });
    expect(twin.status).toBe('down');
    expect(adapter.status).toBe('connected');
  });

  it('maps a rejected order to the broker error, with IB code and text', async () => {
    await adapter.connect();
    const refused = await adapter
      .placeOrder(order('too-big', { quantity: '1000000' }))
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(InsufficientFundsError);
    expect(refused).toMatchObject({ broker: 'ibkr', brokerCode: '201' });
    expect((refused as InsufficientFundsError).brokerMessage).toMatch(/INITIAL MARGIN/);
    const record = await adapter.findOrderByClientOrderId('too-big');
    expect(record).toMatchObject({ status: 'rejected' });
  });

  it('reports a contract IB does not know (200) as an unknown symbol', async () => {
    const odd = start({
      contracts: [
        { symbol: 'NOPE', contract: { symbol: 'NOPE', secType: 'STK', exchange: 'SMART', currency: 'USD' } },
      ],
    });
    await odd.connect();
    const failure = await odd.getInstrument('NOPE').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UnknownSymbolError);
    expect(failure).toMatchObject({ brokerCode: '200' });
  });

  it('refuses an account code TWS does not manage', async () => {
    const wrong = start({ accountCode: 'DU0000000' });
    await expect(wrong.connect()).rejects.toThrow(
      /DU0000000 is not managed by this TWS login \(it manages: DU1234567\)/,
    );
    expect(wrong.status).toBe('down');
  });

  it('cancels a partly filled order, keeping what filled; a filled order is returned as it is', async () => {
    await adapter.connect();
    await simulator.setDepth('AAPL', '4');
    const partial = await adapter.placeOrder(order('partial', { type: 'limit', price: '195' }));
    await waitFor(
      () => orderEvents(partial.brokerOrderId).some((o) => o.status === 'partially_filled'),
      'the partial fill',
    );
    const cancelled = await adapter.cancelOrder(partial.brokerOrderId);
    expect(cancelled).toMatchObject({ status: 'cancelled', filledQuantity: '4' });

    await simulator.setDepth('AAPL', '500');
    const filled = await adapter.placeOrder(order('filled'));
    await waitFor(() => orderEvents(filled.brokerOrderId).some((o) => o.status === 'filled'), 'the fill');
    const sentBefore = simulator.received.length;
    await expect(adapter.cancelOrder(filled.brokerOrderId)).resolves.toMatchObject({ status: 'filled' });
    expect(simulator.received.length).toBe(sentBefore);
  });

  it('joins each fill with its commission report', async () => {
    await adapter.connect();
    const ack = await adapter.placeOrder(order('with-fee'));
    await waitFor(() => fillEvents(ack.brokerOrderId).length > 0, 'the fill');
    const [fill] = fillEvents(ack.brokerOrderId);
    expect(Number(fill?.fee)).toBeGreaterThan(0);
    expect(fill).toMatchObject({
      clientOrderId: 'with-fee',
      symbol: 'AAPL',
      side: 'buy',
      quantity: '10',
      feeCurrency: 'USD',
    });
    await waitFor(
      () => events.some((e) => e.type === 'position' && e.position.symbol === 'AAPL'),
      'a position event',
    );
  });

  it('resolves every default contract once, with IB tick and size rules', async () => {
    await adapter.connect();
    const instruments = await adapter.listInstruments();
    expect(instruments.map((i) => [i.symbol, i.assetClass, i.tickSize, i.lotSize, i.minQuantity])).toEqual([
      ['AAPL', 'equity', '0.01', '1', '1'],
      ['EURUSD', 'forex', '0.00005', '1', '1'],
      ['ESZ6', 'future', '0.25', '1', '1'],
      ['BTCUSD', 'crypto', '0.25', '0.0001', '0.0001'],
    ]);
    expect(simulator.received.filter((each) => each.fields[0] === '9')).toHaveLength(4);
  });

  it('refuses a crypto market buy itself, which IB takes only as a cash amount, and sends nothing', async () => {
    await adapter.connect();
    await expect(
      adapter.placeOrder(order('crypto-market-buy', { symbol: 'BTCUSD', quantity: '0.01' })),
    ).rejects.toThrow(/only as a cash amount; place BTCUSD as a limit order/);
    expect(simulator.received.filter((each) => each.fields[0] === '3')).toEqual([]);
  });

  it('places every order type on every security type without a refusal from TWS', async () => {
    await adapter.connect();
    const requests: OrderRequest[] = [
      order('crypto-market', { symbol: 'BTCUSD', quantity: '0.01', type: 'limit', price: '70000' }),
      order('fx-bracket', {
        symbol: 'EURUSD',
        type: 'limit',
        price: '1.0001',
        quantity: '20000',
        timeInForce: 'day',
        takeProfit: '1.2',
        stopLoss: '0.9',
      }),
      order('future-stop-limit', {
        symbol: 'ESZ6',
        side: 'sell',
        type: 'stop_limit',
        price: '5000',
        stopPrice: '5000.25',
        quantity: '1',
      }),
      order('stock-trailing', { side: 'sell', type: 'trailing_stop', trailingAmount: '2.5', quantity: '1' }),
      order('stock-stop', { type: 'stop', stopPrice: '250', quantity: '1' }),
    ];
    for (const request of requests) {
      const ack = await adapter.placeOrder(request);
      expect([request.clientOrderId, ack.status]).toEqual([request.clientOrderId, 'submitted']);
    }
    const open = await adapter.getOpenOrders();
    expect(open.find((o) => o.clientOrderId === 'stock-trailing')).toMatchObject({
      type: 'trailing_stop',
      trailingAmount: '2.5',
    });
    expect(open.find((o) => o.clientOrderId === 'future-stop-limit')).toMatchObject({
      price: '5000',
      stopPrice: '5000.25',
    });
    await waitFor(
      () => events.some((e) => e.type === 'fill' && e.fill.clientOrderId === 'crypto-market'),
      'the crypto fill',
    );
  });
});
