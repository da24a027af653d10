import { TwsSimulator } from '#simulators/ibkr/tws-simulator.js';
import type { BrokerEvent } from '../domain/index.js';
import { BrokerConnectionError } from '../errors/index.js';
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
import { ibkrTestAdapter, recordLog } from './testing/ibkr-test-adapter.js';

/** Socket drops, TWS losing IB (1100/1101/1102), client ids in use: nothing queued, nothing lost, nothing doubled. */
describe('IbkrAdapter connectivity against the TWS simulator', () => {
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
  const placed = (clientOrderId: string) =>
    simulator.received.filter(
      (each) => each.fields[0] === '3' && each.fields[PLACE.orderRef] === clientOrderId,
    );
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

  it('refuses calls while the socket is down, and never sends them later', async () => {
    // A slow first reconnect, so calls are made while the socket is really gone.
    adapter = start({ reconnectInitialDelayMs: 500 });
    await expect(adapter.placeOrder(order('before-connect'))).rejects.toBeInstanceOf(BrokerConnectionError);
    await adapter.connect();
    simulator.dropConnections();
    await waitFor(() => adapter.status === 'reconnecting', 'reconnecting');
    const refused = await adapter.placeOrder(order('while-down')).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(BrokerConnectionError);
    await expect(adapter.getOpenOrders()).rejects.toBeInstanceOf(BrokerConnectionError);
    await waitFor(() => adapter.status === 'connected', 'connected again');
    await adapter.placeOrder(order('after-reconnect'));
    await simulator.settled();
    expect(placed('while-down')).toHaveLength(0);
    expect(placed('before-connect')).toHaveLength(0);
    expect(placed('after-reconnect')).toHaveLength(1);
  });

  it('stays above the ids it used when nextValidId rolls back after a reconnect: no 103', async () => {
    await adapter.connect();
    const first = await adapter.placeOrder(order('before-rollback'));
    simulator.rollBackNextValidId(1, 1);
    simulator.dropConnections();
    await waitFor(() => adapter.status === 'reconnecting', 'reconnecting');
    await waitFor(() => adapter.status === 'connected', 'connected again');
    const second = await adapter.placeOrder(order('after-rollback'));
    expect(Number(second.brokerOrderId)).toBeGreaterThan(Number(first.brokerOrderId));
    expect(second.status).not.toBe('rejected');
  });

  it('retries a 326 while reconnecting until the old session is gone', async () => {
    const log = recordLog();
    adapter = start({}, log.log);
    await adapter.connect();
    const other = start({ account: 'other', reconnectInitialDelayMs: 5000 });
    simulator.dropConnections();
    await other.connect();
    await waitFor(() => log.lines.some((line) => line.includes('326')), 'a reconnect refused with 326');
    expect(adapter.status).toBe('reconnecting');
    await other.disconnect();
    await waitFor(() => adapter.status === 'connected', 'connected after the other session left', 6000);
  });

  it('recovers a fill that happened while TWS had lost IB (1100, then 1102), exactly once', async () => {
    await adapter.connect();
    const ack = await adapter.placeOrder(order('during-outage', { type: 'limit', price: '185' }));
    await simulator.connectivityLost();
    await waitFor(() => adapter.status === 'reconnecting', 'reconnecting on 1100');
    await simulator.setPrice('AAPL', '180');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fillEvents(ack.brokerOrderId)).toHaveLength(0);
    await simulator.connectivityRestored({ dataKept: true });
    await waitFor(() => adapter.status === 'connected', 'connected on 1102');
    await waitFor(() => fillEvents(ack.brokerOrderId).length > 0, 'the recovered fill');
    expect(orderEvents(ack.brokerOrderId).at(-1)?.status).toBe('filled');
    const fills = await adapter.getFills(new Date(Date.now() - 60_000));
    expect(fills.filter((fill) => fill.brokerOrderId === ack.brokerOrderId)).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(fillEvents(ack.brokerOrderId)).toHaveLength(1);
  });

  it('requests market data again after 1101 (TWS lost it) and keeps quoting', async () => {
    await adapter.connect();
    await adapter.getTicker('AAPL');
    const lines = () => simulator.received.filter((each) => each.fields[0] === '1').length;
    expect(lines()).toBe(1);
    await simulator.connectivityLost();
    await waitFor(() => adapter.status === 'reconnecting', 'reconnecting on 1100');
    await simulator.connectivityRestored({ dataKept: false });
    await waitFor(() => adapter.status === 'connected', 'connected on 1101');
    expect(lines()).toBe(2);
    const ticks = events.filter((e) => e.type === 'tick').length;
    await simulator.setPrice('AAPL', '200');
    await waitFor(() => events.filter((e) => e.type === 'tick').length > ticks, 'a tick on the new line');
    expect(Number((await adapter.getTicker('AAPL')).bid)).toBeGreaterThan(199);
  });

  it('recovers a fill made while the socket was down, once, after reconnecting', async () => {
    adapter = start({ reconnectInitialDelayMs: 400 });
    events = [];
    adapter.events.subscribe((event) => events.push(event));
    await adapter.connect();
    const ack = await adapter.placeOrder(order('during-drop', { type: 'limit', price: '185' }));
    simulator.dropConnections();
    await waitFor(() => adapter.status === 'reconnecting', 'reconnecting');
    await simulator.setPrice('AAPL', '180');
    await waitFor(() => adapter.status === 'connected', 'connected again');
    await waitFor(() => fillEvents(ack.brokerOrderId).length > 0, 'the recovered fill');
    expect(orderEvents(ack.brokerOrderId).at(-1)).toMatchObject({ status: 'filled', filledQuantity: '10' });
    await adapter.getFills(new Date(Date.now() - 60_000));
    expect(fillEvents(ack.brokerOrderId)).toHaveLength(1);
  });

  it('fails fast when nothing listens on the port, naming the cause', async () => {
    await simulator.stop();
    const failure = await start()
      .connect()
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(BrokerConnectionError);
    expect((failure as Error).message).toMatch(/connect/i);
    simulator = new TwsSimulator();
    await simulator.start();
  });
});
