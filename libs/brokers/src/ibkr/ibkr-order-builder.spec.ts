import type { Instrument, OrderRequest } from '../domain/index.js';
import { InvalidOrderError } from '../errors/index.js';
import { buildIbkrOrders, onGrid } from './ibkr-order-builder.js';

const AAPL: Instrument = {
  symbol: 'AAPL',
  assetClass: 'equity',
  quoteCurrency: 'USD',
  tickSize: '0.01',
  lotSize: '1',
  minQuantity: '1',
};
const BTC: Instrument = {
  ...AAPL,
  symbol: 'BTCUSD',
  tickSize: '0.25',
  lotSize: '0.0001',
  minQuantity: '0.0001',
};

const request = (fields: Partial<OrderRequest>): OrderRequest => ({
  clientOrderId: 'c-1',
  symbol: 'AAPL',
  side: 'buy',
  type: 'market',
  quantity: '10',
  timeInForce: 'gtc',
  ...fields,
});

describe('IB orders built from a request', () => {
  it('sends a market order with transmit set, the account and the client order id as orderRef', () => {
    const [leg] = buildIbkrOrders(request({}), AAPL, 'DU1', { entry: 7 });
    expect(leg).toEqual({
      orderId: 7,
      role: 'entry',
      clientOrderId: 'c-1',
      order: {
        orderType: 'MKT',
        action: 'BUY',
        totalQuantity: 10,
        tif: 'GTC',
        account: 'DU1',
        orderRef: 'c-1',
        transmit: true,
      },
    });
  });

  it.each([
    [
      { type: 'limit', price: '190.5' },
      { orderType: 'LMT', lmtPrice: 190.5 },
    ],
    [
      { type: 'stop', stopPrice: '180' },
      { orderType: 'STP', auxPrice: 180 },
    ],
    [
      { type: 'stop_limit', price: '179.5', stopPrice: '180' },
      { orderType: 'STP LMT', lmtPrice: 179.5, auxPrice: 180 },
    ],
    [
      { type: 'trailing_stop', trailingAmount: '2.5' },
      { orderType: 'TRAIL', auxPrice: 2.5 },
    ],
  ] as const)('maps %o to IB fields %o', (fields, expected) => {
    const [leg] = buildIbkrOrders(request(fields), AAPL, 'DU1', { entry: 1 });
    expect(leg?.order).toMatchObject(expected);
  });

  it.each([
    ['day', 'DAY'],
    ['ioc', 'IOC'],
    ['fok', 'FOK'],
    ['gtc', 'GTC'],
  ] as const)('maps time in force %s to %s', (tif, ib) => {
    expect(buildIbkrOrders(request({ timeInForce: tif }), AAPL, 'DU1', { entry: 1 })[0]?.order.tif).toBe(ib);
  });

  it('builds a bracket: parent, take-profit LMT and stop-loss STP, transmit only on the last leg', () => {
    const legs = buildIbkrOrders(
      request({ type: 'limit', price: '190', takeProfit: '200', stopLoss: '185' }),
      AAPL,
      'DU1',
      {
        entry: 10,
        takeProfit: 11,
        stopLoss: 12,
      },
    );
    expect(
      legs.map((leg) => [leg.orderId, leg.role, leg.order.orderType, leg.order.action, leg.order.transmit]),
    ).toEqual([
      [10, 'entry', 'LMT', 'BUY', false],
      [11, 'take_profit', 'LMT', 'SELL', false],
      [12, 'stop_loss', 'STP', 'SELL', true],
    ]);
    expect(legs[1]?.order).toMatchObject({
      parentId: 10,
      lmtPrice: 200,
      ocaGroup: 'oca-10',
      orderRef: 'c-1-tp',
      account: 'DU1',
    });
    expect(legs[2]?.order).toMatchObject({
      parentId: 10,
      auxPrice: 185,
      ocaGroup: 'oca-10',
      orderRef: 'c-1-sl',
    });
    expect(legs[0]?.order.parentId).toBeUndefined();
  });

  it('transmits the take-profit when it is the only child', () => {
    const legs = buildIbkrOrders(request({ takeProfit: '200' }), AAPL, 'DU1', { entry: 1, takeProfit: 2 });
    expect(legs.map((leg) => leg.order.transmit)).toEqual([false, true]);
  });

  it('puts prices and quantities on the grid without float residue (0.1 + 0.2)', () => {
    expect(onGrid('0.30000000000000004', '0.01', 'nearest')).toBe(0.3);
    const [leg] = buildIbkrOrders(
      request({ symbol: 'BTCUSD', type: 'limit', price: '65000.3', quantity: '0.00015' }),
      BTC,
      'DU1',
      {
        entry: 1,
      },
    );
    expect(leg?.order).toMatchObject({ lmtPrice: 65000.25, totalQuantity: 0.0001 });
    expect(String(leg?.order.totalQuantity)).toBe('0.0001');
  });

  it('refuses a quantity below the minimum, and a limit without its price', () => {
    expect(() => buildIbkrOrders(request({ quantity: '0.5' }), AAPL, 'DU1', { entry: 1 })).toThrow(
      InvalidOrderError,
    );
    expect(() => buildIbkrOrders(request({ type: 'limit' }), AAPL, 'DU1', { entry: 1 })).toThrow(
      InvalidOrderError,
    );
  });
});
