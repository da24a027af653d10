import { once } from 'node:events';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { EventName, IBApi, OrderAction, OrderType, SecType, TimeInForce } from '@stoqey/ib';
import type { Contract, Order } from '@stoqey/ib';
import { encodeFrame, TwsFrameReader } from '../tws-framing.js';
import { readPlaceOrder, type TwsPlaceOrder } from './tws-place-order.js';

const AAPL: Contract = { symbol: 'AAPL', secType: SecType.STK, exchange: 'SMART', currency: 'USD' };

/**
 * The real client, unmodified, over TCP: the framing reads its handshake and requests, and every
 * PLACE_ORDER it writes is read field by field into what the order asks.
 */
describe('PLACE_ORDER as @stoqey/ib writes it at server version 193', () => {
  let server: Server;
  let api: IBApi;
  const received: { versions?: string; orders: TwsPlaceOrder[]; other: string[][] } = {
    orders: [],
    other: [],
  };
  const clientErrors: string[] = [];

  beforeAll(async () => {
    server = createServer((socket) => serve(socket));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    api = new IBApi({ host: '127.0.0.1', port: (server.address() as AddressInfo).port, maxReqPerSec: 1000 });
    api.on(EventName.error, (error: Error, code: number) => clientErrors.push(`${code} ${error.message}`));
    const ready = new Promise<void>((resolve) => api.once(EventName.nextValidId, () => resolve()));
    api.connect(7);
    await ready;
  });

  afterAll(async () => {
    api.disconnect();
    await new Promise((resolve) => server.close(resolve));
  });

  function serve(socket: Socket): void {
    socket.setNoDelay(true);
    const reader = new TwsFrameReader();
    socket.on('data', (chunk: Buffer) => {
      const { versions, messages } = reader.push(chunk);
      if (versions !== undefined) {
        received.versions = versions;
        socket.write(encodeFrame(['193', '20261202 09:00:00 UTC']));
      }
      for (const fields of messages) {
        if (fields[0] === '71')
          socket.write(Buffer.concat([encodeFrame(['15', '1', 'DU123']), encodeFrame(['9', '1', '1000'])]));
        else if (fields[0] === '3') received.orders.push(readPlaceOrder(fields));
        else received.other.push(fields);
      }
    });
  }

  async function place(orderId: number, order: Order, contract: Contract = AAPL): Promise<TwsPlaceOrder> {
    const count = received.orders.length;
    api.placeOrder(orderId, contract, order);
    for (let waited = 0; received.orders.length === count && waited < 2000; waited += 10)
      await new Promise((resolve) => setTimeout(resolve, 10));
    const placed = received.orders[count];
    if (!placed) throw new Error(`order ${orderId} never arrived`);
    return placed;
  }

  it('reads the handshake the client speaks: versions 100 to 193', () => {
    expect(received.versions).toBe('v100..193');
  });

  it('reads a market order: id, contract, side, quantity, type, orderRef and transmit', async () => {
    const order = await place(1000, {
      action: OrderAction.BUY,
      orderType: OrderType.MKT,
      totalQuantity: 10,
      tif: TimeInForce.DAY,
      orderRef: 'client-1',
      transmit: true,
    });
    expect(order).toMatchObject({
      orderId: 1000,
      contract: { symbol: 'AAPL', secType: 'STK', exchange: 'SMART', currency: 'USD' },
      action: 'BUY',
      totalQuantity: '10',
      orderType: 'MKT',
      tif: 'DAY',
      orderRef: 'client-1',
      transmit: true,
      parentId: 0,
    });
    expect(order.lmtPrice).toBeUndefined();
  });

  it('reads limit, stop and stop-limit prices where TWS reads them', async () => {
    const limit = await place(1001, {
      action: OrderAction.SELL,
      orderType: OrderType.LMT,
      totalQuantity: 5,
      lmtPrice: 181.25,
      transmit: true,
    });
    expect(limit).toMatchObject({ action: 'SELL', orderType: 'LMT', lmtPrice: '181.25', totalQuantity: '5' });
    const stop = await place(1002, {
      action: OrderAction.SELL,
      orderType: OrderType.STP,
      totalQuantity: 5,
      auxPrice: 180,
      transmit: true,
    });
    expect(stop).toMatchObject({ orderType: 'STP', auxPrice: '180' });
    expect(stop.lmtPrice).toBeUndefined();
    const stopLimit = await place(1003, {
      action: OrderAction.BUY,
      orderType: OrderType.STP_LMT,
      totalQuantity: 5,
      lmtPrice: 179.5,
      auxPrice: 180,
      transmit: true,
    });
    expect(stopLimit).toMatchObject({ orderType: 'STP LMT', lmtPrice: '179.5', auxPrice: '180' });
  });

  it('reads a trailing stop by amount and by percent', async () => {
    const byAmount = await place(1004, {
      action: OrderAction.SELL,
      orderType: OrderType.TRAIL,
      totalQuantity: 5,
      auxPrice: 2.5,
      trailStopPrice: 185,
      transmit: true,
    });
    expect(byAmount).toMatchObject({ orderType: 'TRAIL', auxPrice: '2.5', trailStopPrice: '185' });
    const byPercent = await place(1005, {
      action: OrderAction.SELL,
      orderType: OrderType.TRAIL,
      totalQuantity: 5,
      trailingPercent: 1.5,
      transmit: true,
    });
    expect(byPercent).toMatchObject({ trailingPercent: '1.5' });
    expect(byPercent.auxPrice).toBeUndefined();
  });

  it('reads a bracket child: parent id, OCA group and type, and transmit set explicitly false', async () => {
    const child = await place(1007, {
      action: OrderAction.SELL,
      orderType: OrderType.LMT,
      totalQuantity: 5,
      lmtPrice: 200,
      parentId: 1006,
      ocaGroup: 'oca-1006',
      ocaType: 1,
      transmit: false,
    });
    expect(child).toMatchObject({ parentId: 1006, ocaGroup: 'oca-1006', ocaType: 1, transmit: false });
  });

  it('tells an order sent without transmit (TWS keeps it, untransmitted) from transmit false', async () => {
    const unset = await place(1008, { action: OrderAction.BUY, orderType: OrderType.MKT, totalQuantity: 1 });
    expect(unset.transmit).toBeUndefined();
  });

  it('reads a forex pair and a crypto order by cash quantity', async () => {
    const fx = await place(
      1009,
      { action: OrderAction.BUY, orderType: OrderType.MKT, totalQuantity: 20000, transmit: true },
      { symbol: 'EUR', secType: SecType.CASH, exchange: 'IDEALPRO', currency: 'USD' },
    );
    expect(fx).toMatchObject({
      contract: { symbol: 'EUR', secType: 'CASH', exchange: 'IDEALPRO' },
      totalQuantity: '20000',
    });
    const crypto = await place(
      1010,
      { action: OrderAction.BUY, orderType: OrderType.MKT, cashQty: 1000, transmit: true },
      { symbol: 'BTC', secType: SecType.CRYPTO, exchange: 'PAXOS', currency: 'USD' },
    );
    expect(crypto).toMatchObject({ cashQty: '1000' });
    expect(crypto.totalQuantity).toBeUndefined();
  });

  it('reads a pinned contract id and outside-regular-hours', async () => {
    const order = await place(
      1011,
      {
        action: OrderAction.BUY,
        orderType: OrderType.LMT,
        totalQuantity: 1,
        lmtPrice: 100,
        outsideRth: true,
        transmit: true,
      },
      { ...AAPL, conId: 265598 },
    );
    expect(order).toMatchObject({ contract: { conId: 265598 }, outsideRth: true });
  });

  it('left the client nothing to complain about', () => {
    expect(clientErrors).toEqual([]);
  });
});
