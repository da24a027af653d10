import { NEW_YORK_CLOSE_RULE, Mt5ServerClock } from './mt5-server-clock.js';
import { isExecution, toBrokerOrder, toFill, type Mt5ViewContext } from './mt5-order-views.js';
import { tradeDeal, tradeOrder } from './testing/mt5-records.js';

// 2026-01-01 10:00 on a GMT+2 winter server clock is 08:00 UTC.
const SERVER_10AM_MS = Date.UTC(2026, 0, 1, 10, 0, 0);
const context: Mt5ViewContext = {
  clock: new Mt5ServerClock(NEW_YORK_CLOSE_RULE),
  currency: 'USD',
  clientOrderIdOf: (ticket, comment) => (ticket === '50000001' ? 'sent-by-us' : comment),
  timeInForceOf: () => undefined,
};

describe('MT5 records as the port sees them', () => {
  it('reads a resting buy limit: submitted, nothing filled, times from the server clock in UTC', () => {
    const order = toBrokerOrder(tradeOrder({ time_setup_msc: SERVER_10AM_MS }), [], context);
    expect(order).toMatchObject({
      brokerOrderId: '50000001',
      clientOrderId: 'sent-by-us',
      side: 'buy',
      type: 'limit',
      price: '1.09',
      stopPrice: null,
      quantity: '0.1',
      filledQuantity: '0',
      averageFillPrice: null,
      status: 'submitted',
      timeInForce: 'gtc',
      createdAt: '2026-01-01T08:00:00.000Z',
    });
  });

  it('reads a filled market sell from history with the average of its own deals', () => {
    const order = toBrokerOrder(
      tradeOrder({
        type: 1,
        state: 4,
        volume_current: '0.00',
        price_open: '0',
        type_filling: 0,
        time_done_msc: SERVER_10AM_MS,
      }),
      [
        tradeDeal({ volume: '0.04', price: '1.10500' }),
        tradeDeal({ ticket: '40000002', volume: '0.06', price: '1.10510' }),
        tradeDeal({ ticket: '40000003', order: '50000009', volume: '1', price: '9' }),
      ],
      context,
    );
    expect(order).toMatchObject({
      side: 'sell',
      type: 'market',
      status: 'filled',
      filledQuantity: '0.1',
      averageFillPrice: '1.10506',
      timeInForce: 'fok',
      updatedAt: '2026-01-01T08:00:00.000Z',
    });
  });

  it('reads a stop-limit with its trigger as stopPrice and its limit as price, and each final state', () => {
    const stopLimit = toBrokerOrder(
      tradeOrder({ type: 7, price_open: '1.08', price_stoplimit: '1.079' }),
      [],
      context,
    );
    expect(stopLimit).toMatchObject({ side: 'sell', type: 'stop_limit', stopPrice: '1.08', price: '1.079' });
    const states = [2, 5, 6, 3].map((state) => toBrokerOrder(tradeOrder({ state }), [], context).status);
    expect(states).toEqual(['cancelled', 'rejected', 'expired', 'partially_filled']);
  });

  it("reads the server's stop-loss and take-profit closes as children of the order that opened the position", () => {
    const sl = toBrokerOrder(
      tradeOrder({
        ticket: '50000007',
        type: 1,
        reason: 4,
        position_id: '50000001',
        comment: '[sl 1.09000]',
      }),
      [],
      context,
    );
    expect(sl).toMatchObject({ role: 'stop_loss', parentOrderId: '50000001', clientOrderId: '[sl 1.09000]' });
    const tp = toBrokerOrder(tradeOrder({ type: 1, reason: 5, position_id: '50000001' }), [], context);
    expect(tp).toMatchObject({ role: 'take_profit', parentOrderId: '50000001' });
    expect(toBrokerOrder(tradeOrder(), [], context)).toMatchObject({ role: 'entry', parentOrderId: null });
  });

  it('reads a deal as a fill with MT5 commission and fee as a positive fee, in UTC', () => {
    // July: the server runs GMT+3.
    const fill = toFill(
      tradeDeal({ time_msc: Date.UTC(2026, 6, 1, 12, 0, 0, 250), commission: '-0.70', fee: '-0.05' }),
      'c-1',
      context,
    );
    expect(fill).toEqual({
      executionId: '40000001',
      brokerOrderId: '50000001',
      clientOrderId: 'sent-by-us',
      symbol: 'EURUSD',
      side: 'buy',
      quantity: '0.1',
      price: '1.10523',
      fee: '0.75',
      feeCurrency: 'USD',
      liquidity: 'taker',
      executedAt: '2026-07-01T09:00:00.250Z',
    });
  });

  it('counts buy and sell deals with an order as executions, not balance operations', () => {
    expect(isExecution(tradeDeal())).toBe(true);
    expect(isExecution(tradeDeal({ type: 2, order: '0', symbol: '' }))).toBe(false);
  });
});
