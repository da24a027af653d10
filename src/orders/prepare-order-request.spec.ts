import type { BrokerCapabilities, Instrument } from '#brokers';
import { UnprocessableError, ValidationFailedError } from '../common/errors/app-error.js';
import type { PlaceOrderDto } from './dto/place-order.dto.js';
import { prepareOrderRequest } from './prepare-order-request.js';

const btc: Instrument = {
  symbol: 'BTCUSDT',
  assetClass: 'crypto',
  quoteCurrency: 'USDT',
  tickSize: '0.1',
  lotSize: '0.001',
  minQuantity: '0.002',
};
const everything: BrokerCapabilities = {
  orderTypes: ['market', 'limit', 'stop', 'stop_limit'],
  timeInForce: ['gtc', 'ioc', 'fok', 'day'],
  bracketOrders: true,
  shortSelling: true,
  timeframes: ['1m'],
};
const order = (fields: Partial<PlaceOrderDto>): PlaceOrderDto =>
  Object.assign(
    { symbol: 'BTCUSDT', side: 'buy', type: 'limit', quantity: '0.01', price: '65000', timeInForce: 'gtc' },
    fields,
  );

describe('prepareOrderRequest', () => {
  it('rounds the quantity down to the lot and prices to the nearest tick', () => {
    const request = prepareOrderRequest(
      order({ quantity: '0.0129', price: '65000.06', takeProfit: '70000.04', stopLoss: '60000.05' }),
      btc,
      everything,
      'paper',
      'c-1',
    );
    expect(request).toEqual(
      expect.objectContaining({
        quantity: '0.012',
        price: '65000.1',
        takeProfit: '70000',
        stopLoss: '60000.1',
        clientOrderId: 'c-1',
      }),
    );
  });

  it('refuses a quantity that rounds below the minimum, naming it', () => {
    expect(() => prepareOrderRequest(order({ quantity: '0.0019' }), btc, everything, 'paper', 'c')).toThrow(
      new UnprocessableError('quantity 0.0019 is below the minimum 0.002 for BTCUSDT (lot size 0.001)'),
    );
  });

  it('refuses a price that rounds to zero', () => {
    expect(() => prepareOrderRequest(order({ price: '0.04' }), btc, everything, 'paper', 'c')).toThrow(
      UnprocessableError,
    );
  });

  it('refuses order types, times in force and brackets the broker lacks', () => {
    const limited: BrokerCapabilities = {
      ...everything,
      orderTypes: ['market', 'limit'],
      timeInForce: ['gtc'],
      bracketOrders: false,
    };
    expect(() =>
      prepareOrderRequest(
        order({ type: 'stop', price: undefined, stopPrice: '1' }),
        btc,
        limited,
        'mt5',
        'c',
      ),
    ).toThrow(/type "stop" is not supported by mt5/);
    expect(() => prepareOrderRequest(order({ timeInForce: 'fok' }), btc, limited, 'mt5', 'c')).toThrow(
      /timeInForce "fok"/,
    );
    expect(() => prepareOrderRequest(order({ takeProfit: '70000' }), btc, limited, 'mt5', 'c')).toThrow(
      /bracket/,
    );
  });

  it('refuses a client order id longer than the broker keeps, before anything is stored', () => {
    const bybitLike: BrokerCapabilities = { ...everything, maxClientOrderIdLength: 36 };
    const id = 'x'.repeat(37);
    expect(() => prepareOrderRequest(order({}), btc, bybitLike, 'bybit', id)).toThrow(ValidationFailedError);
    expect(() => prepareOrderRequest(order({}), btc, bybitLike, 'bybit', id)).toThrow(
      /clientOrderId must be at most 36 characters on bybit/,
    );
    expect(
      prepareOrderRequest(order({}), btc, bybitLike, 'bybit', 'x'.repeat(36)).clientOrderId,
    ).toHaveLength(36);
  });

  it('refuses prices that mean nothing for the order type', () => {
    expect(() => prepareOrderRequest(order({ type: 'market' }), btc, everything, 'paper', 'c')).toThrow(
      new ValidationFailedError('price is only for limit and stop_limit orders, not market'),
    );
    expect(() => prepareOrderRequest(order({ stopPrice: '1' }), btc, everything, 'paper', 'c')).toThrow(
      /stopPrice is only for stop/,
    );
    expect(() => prepareOrderRequest(order({ trailingAmount: '5' }), btc, everything, 'paper', 'c')).toThrow(
      /trailingAmount is only for trailing_stop orders, not limit/,
    );
  });

  it("rounds a trailing stop's distance to the tick, and refuses it where the broker has none", () => {
    const trailing = order({ type: 'trailing_stop', price: undefined, trailingAmount: '25.04' });
    const withTrailing: BrokerCapabilities = {
      ...everything,
      orderTypes: [...everything.orderTypes, 'trailing_stop'],
    };
    expect(prepareOrderRequest(trailing, btc, withTrailing, 'ibkr', 'c')).toEqual(
      expect.objectContaining({ type: 'trailing_stop', trailingAmount: '25', price: undefined }),
    );
    expect(() => prepareOrderRequest(trailing, btc, everything, 'paper', 'c')).toThrow(
      new UnprocessableError('type "trailing_stop" is not supported by paper'),
    );
  });
});
