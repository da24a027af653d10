import type { OrderRequest } from '../domain/index.js';
import { InvalidOrderError } from '../errors/index.js';
import { ORDER_FILLING, ORDER_TIME, ORDER_TYPE, TRADE_ACTION } from './bridge/bridge-commands.js';
import { commentFor } from './mt5-client-order-ids.js';
import { eurusd } from './testing/mt5-records.js';
import { toTradeRequest, type TradeRequestContext } from './mt5-trade-requests.js';

const TICK = { time: 1, time_msc: 1000, bid: '1.10521', ask: '1.10523', last: '0', volume: '0' };
const context = (overrides: Partial<TradeRequestContext> = {}): TradeRequestContext => ({
  symbol: eurusd(),
  tick: TICK,
  magic: '7788001',
  deviationPoints: 10,
  ...overrides,
});
const order = (overrides: Partial<OrderRequest> = {}): OrderRequest => ({
  clientOrderId: 'c-1',
  symbol: 'EURUSD',
  side: 'buy',
  type: 'market',
  quantity: '0.10',
  timeInForce: 'gtc',
  ...overrides,
});

describe('toTradeRequest', () => {
  it('sends a market order as a deal with the magic, the client id as comment and FOK where allowed', () => {
    expect(toTradeRequest(order(), context())).toEqual({
      action: TRADE_ACTION.DEAL,
      symbol: 'EURUSD',
      volume: '0.10',
      type: ORDER_TYPE.BUY,
      type_filling: ORDER_FILLING.FOK,
      deviation: 10,
      magic: '7788001',
      comment: 'c-1',
    });
  });

  it('prices a market order at the ask or bid only on Instant execution, where MT5 requotes', () => {
    const instant = context({ symbol: eurusd({ trade_exemode: 1, filling_mode: 0 }) });
    expect(toTradeRequest(order(), instant)).toMatchObject({
      price: '1.10523',
      type_filling: ORDER_FILLING.FOK,
    });
    expect(toTradeRequest(order({ side: 'sell' }), instant)).toMatchObject({ price: '1.10521', type: 1 });
  });

  it('picks IOC when the symbol allows only IOC, and refuses a market order no filling mode fits', () => {
    expect(toTradeRequest(order(), context({ symbol: eurusd({ filling_mode: 2 }) }))).toMatchObject({
      type_filling: ORDER_FILLING.IOC,
    });
    expect(
      toTradeRequest(order(), context({ symbol: eurusd({ filling_mode: 0, trade_exemode: 3 }) })),
    ).toMatchObject({
      type_filling: ORDER_FILLING.RETURN,
    });
    expect(() => toTradeRequest(order(), context({ symbol: eurusd({ filling_mode: 0 }) }))).toThrow(
      InvalidOrderError,
    );
    expect(() =>
      toTradeRequest(order({ timeInForce: 'ioc' }), context({ symbol: eurusd({ filling_mode: 1 }) })),
    ).toThrow(/does not allow ioc/);
  });

  it('sends limit, stop and stop-limit orders as pending orders that RETURN, with SL and TP', () => {
    const limit = toTradeRequest(
      order({
        type: 'limit',
        price: '1.09000',
        stopLoss: '1.08000',
        takeProfit: '1.10000',
        timeInForce: 'day',
      }),
      context(),
    );
    expect(limit).toMatchObject({
      action: TRADE_ACTION.PENDING,
      type: ORDER_TYPE.BUY_LIMIT,
      price: '1.09000',
      sl: '1.08000',
      tp: '1.10000',
      type_filling: ORDER_FILLING.RETURN,
      type_time: ORDER_TIME.DAY,
    });
    expect(toTradeRequest(order({ type: 'stop', side: 'sell', stopPrice: '1.09' }), context())).toMatchObject(
      {
        type: ORDER_TYPE.SELL_STOP,
        price: '1.09',
        type_time: ORDER_TIME.GTC,
      },
    );
    const stopLimit = toTradeRequest(
      order({ type: 'stop_limit', stopPrice: '1.12', price: '1.121' }),
      context(),
    );
    expect(stopLimit).toMatchObject({ type: ORDER_TYPE.BUY_STOP_LIMIT, price: '1.12', stoplimit: '1.121' });
  });

  it('refuses what MT5 servers cannot hold: trailing stops, and pending orders that are IOC or FOK', () => {
    expect(() =>
      toTradeRequest(order({ type: 'trailing_stop', trailingAmount: '0.001' }), context()),
    ).toThrow(InvalidOrderError);
    expect(() =>
      toTradeRequest(order({ type: 'limit', price: '1.09', timeInForce: 'fok' }), context()),
    ).toThrow(/use gtc or day/);
  });

  it('carries a client id too long for a comment as its digest', () => {
    const long = `er-${'f'.repeat(32)}`;
    const request = toTradeRequest(order({ clientOrderId: long }), context());
    expect(request.comment).toBe(commentFor(long));
    expect(request.comment?.length).toBeLessThanOrEqual(26);
    expect(request.comment).toMatch(/^er#/);
  });
});
