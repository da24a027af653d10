import { type BybitSpecKit, startBybitSpecKit } from './testing/bybit-spec-kit.js';

describe('BybitSimulator orders, through the real bybit-api client', () => {
  let kit: BybitSpecKit;

  beforeEach(async () => {
    kit = await startBybitSpecKit({ historyMinutes: 30 });
  });

  afterEach(async () => {
    await kit.close();
  });

  /** A BTCUSDT perpetual order: the request's other fields as given. */
  const submitLinear = (
    fields: Omit<Parameters<BybitSpecKit['rest']['submitOrder']>[0], 'category' | 'symbol'>,
  ) => kit.rest.submitOrder({ category: 'linear', symbol: 'BTCUSDT', ...fields });

  /** What /v5/order/realtime lists for one BTCUSDT perpetual order id. */
  const linearOrdersById = async (orderId: string) =>
    (await kit.rest.getActiveOrders({ category: 'linear', symbol: 'BTCUSDT', orderId })).result.list;

  const linearOrder = (orderLinkId: string) =>
    kit.rest
      .getActiveOrders({ category: 'linear', symbol: 'BTCUSDT', orderLinkId })
      .then((answer) => answer.result.list[0]);

  describe('place, query, cancel', () => {
    it('rests a limit order as New, cancels it by orderLinkId, and then refuses a second cancel with 110001', async () => {
      const placed = await submitLinear({
        side: 'Buy',
        orderType: 'Limit',
        qty: '0.01',
        price: '60000',
        orderLinkId: 'rest-1',
      });
      expect(placed.retCode).toBe(0);
      expect(placed.result.orderId).toMatch(/^[0-9a-f-]{36}$/);
      expect(placed.result.orderLinkId).toBe('rest-1');

      const open = await kit.rest.getActiveOrders({ category: 'linear', symbol: 'BTCUSDT' });
      expect(open.result.list).toHaveLength(1);
      expect(open.result.list[0]).toMatchObject({
        orderId: placed.result.orderId,
        orderStatus: 'New',
        price: '60000',
        qty: '0.01',
        leavesQty: '0.01',
        cumExecQty: '0',
        avgPrice: '',
        timeInForce: 'GTC',
        positionIdx: 0,
        reduceOnly: false,
      });

      const cancelled = await kit.rest.cancelOrder({
        category: 'linear',
        symbol: 'BTCUSDT',
        orderLinkId: 'rest-1',
      });
      expect(cancelled.result).toEqual({ orderId: placed.result.orderId, orderLinkId: 'rest-1' });
      expect(await linearOrder('rest-1')).toMatchObject({
        orderStatus: 'Cancelled',
        cancelType: 'CancelByUser',
        leavesQty: '0',
      });
      expect((await kit.rest.getActiveOrders({ category: 'linear', symbol: 'BTCUSDT' })).result.list).toEqual(
        [],
      );

      const again = await kit.rest.cancelOrder({
        category: 'linear',
        symbol: 'BTCUSDT',
        orderId: placed.result.orderId,
      });
      expect([again.retCode, again.retMsg]).toEqual([110001, 'order not exists or too late to cancel']);
      const spotMissing = await kit.rest.cancelOrder({
        category: 'spot',
        symbol: 'BTCUSDT',
        orderId: placed.result.orderId,
      });
      expect(spotMissing.retCode).toBe(170213);
    });

    it('fills a market order at the ask, with its execution, its position and its fee in the wallet', async () => {
      const placed = await submitLinear({
        side: 'Buy',
        orderType: 'Market',
        qty: '0.1',
      });
      expect(placed.retCode).toBe(0);
      const [order] = await linearOrdersById(placed.result.orderId);
      expect(order).toMatchObject({
        orderStatus: 'Filled',
        avgPrice: '65000.1',
        cumExecQty: '0.1',
        cumExecValue: '6500.01',
        timeInForce: 'IOC',
      });

      const executions = (await kit.rest.getExecutionList({ category: 'linear', symbol: 'BTCUSDT' })).result
        .list;
      expect(executions).toHaveLength(1);
      // 6500.01 × 0.055 % taker fee.
      expect(executions[0]).toMatchObject({
        orderId: placed.result.orderId,
        execPrice: '65000.1',
        execQty: '0.1',
        execFee: '3.5750055',
        isMaker: false,
        execType: 'Trade',
      });

      const [position] = (await kit.rest.getPositionInfo({ category: 'linear', symbol: 'BTCUSDT' })).result
        .list;
      expect(position).toMatchObject({
        side: 'Buy',
        size: '0.1',
        avgPrice: '65000.1',
        leverage: '10',
        positionIdx: 0,
        cumRealisedPnl: '-3.5750055',
      });

      const wallet = (await kit.rest.getWalletBalance({ accountType: 'UNIFIED' })).result.list[0];
      expect(wallet?.coin.find((coin) => coin.coin === 'USDT')?.walletBalance).toBe('99996.4249945');
      // Marked at the mid 65000.05: 0.1 × (65000.05 − 65000.1).
      expect(wallet?.totalPerpUPL).toBe('-0.005');
    });

    it('lists closed orders in the history, and cancels all open orders of a symbol', async () => {
      for (const price of ['60000', '60100', '60200']) {
        await submitLinear({
          side: 'Buy',
          orderType: 'Limit',
          qty: '0.01',
          price,
        });
      }
      const all = await kit.rest.cancelAllOrders({ category: 'linear', symbol: 'BTCUSDT' });
      expect(all.result.list).toHaveLength(3);
      const history = await kit.rest.getHistoricOrders({ category: 'linear', symbol: 'BTCUSDT', limit: 2 });
      expect(history.result.list.map((order) => [order.price, order.orderStatus])).toEqual([
        ['60200', 'Cancelled'],
        ['60100', 'Cancelled'],
      ]);
      const next = await kit.rest.getHistoricOrders({
        category: 'linear',
        symbol: 'BTCUSDT',
        limit: 2,
        cursor: history.result.nextPageCursor,
      });
      expect(next.result.list.map((order) => order.price)).toEqual(['60000']);
      expect(next.result.nextPageCursor).toBe('');
      const noScope = await kit.rest.cancelAllOrders({ category: 'linear' });
      expect(noScope.retCode).toBe(10001);
    });
  });

  describe('refusals with Bybit’s codes', () => {
    it('refuses a duplicate orderLinkId: 110072 on linear, 170141 on spot', async () => {
      const order = {
        symbol: 'BTCUSDT',
        side: 'Buy',
        orderType: 'Limit',
        qty: '0.01',
        price: '60000',
        orderLinkId: 'dup',
      } as const;
      expect((await kit.rest.submitOrder({ category: 'linear', ...order })).retCode).toBe(0);
      const duplicate = await kit.rest.submitOrder({ category: 'linear', ...order });
      expect([duplicate.retCode, duplicate.retMsg]).toEqual([110072, 'OrderLinkedID is duplicate']);
      const spot = await kit.rest.submitOrder({ category: 'spot', ...order, orderLinkId: 'dup' });
      expect([spot.retCode, spot.retMsg]).toEqual([170141, 'Duplicate clientOrderId']);
      expect(kit.simulator.orders()).toHaveLength(1);
    });

    it.each([
      ['qty off the qtyStep', { qty: '0.0015' }, 10001, /qty invalid/],
      ['qty above maxOrderQty', { qty: '1191' }, 10001, /maximum limit allowed/],
      ['price off the tick', { price: '60000.05' }, 10001, /price invalid/],
      ['price beyond maxPrice', { price: '2000000' }, 110003, /allowable range/],
      ['value below minNotionalValue', { qty: '0.001', price: '1000' }, 110094, /notional/],
      ['an unknown symbol', { symbol: 'DOGEUSDT' }, 10001, /symbol invalid/],
      ['a hedge-mode positionIdx', { positionIdx: 1 }, 10001, /position idx not match position mode/],
      ['RPI without market-maker rights', { timeInForce: 'RPI' }, 110119, /RPI/],
    ] as const)('refuses a linear order with %s', async (_case, change, retCode, retMsg) => {
      const answer = await submitLinear({
        side: 'Buy',
        orderType: 'Limit',
        qty: '0.01',
        price: '60000',
        ...change,
      });
      expect(answer.retCode).toBe(retCode);
      expect(answer.retMsg).toMatch(retMsg);
      expect(kit.simulator.orders()).toEqual([]);
    });

    it.each([
      ['qty with too many decimals', { qty: '0.0000001' }, 170137],
      ['price with too many decimals', { price: '60000.05' }, 170134],
      ['value below minOrderAmt', { qty: '0.00001' }, 170140],
      ['an unknown symbol', { symbol: 'DOGEUSDT' }, 170121],
      ['an unknown side', { side: 'Long' }, 170117],
    ] as const)('refuses a spot order with %s', async (_case, change, retCode) => {
      const answer = await kit.rest.submitOrder({
        category: 'spot',
        symbol: 'BTCUSDT',
        side: 'Buy',
        orderType: 'Limit',
        qty: '0.001',
        price: '60000',
        ...(change as object),
      });
      expect(answer.retCode).toBe(retCode);
    });

    it('refuses a linear qty below minOrderQty even on the qtyStep', async () => {
      const instruments = kit.simulator.config.instruments.map((instrument) =>
        instrument.symbol === 'BTCUSDT' && instrument.category === 'linear'
          ? { ...instrument, minOrderQty: '0.01' }
          : instrument,
      );
      const own = await startBybitSpecKit({ historyMinutes: 5, instruments });
      try {
        const answer = await own.rest.submitOrder({
          category: 'linear',
          symbol: 'BTCUSDT',
          side: 'Buy',
          orderType: 'Market',
          qty: '0.005',
        });
        expect([answer.retCode, answer.retMsg]).toEqual([
          10001,
          'params error: The number of contracts exceeds minimum limit allowed',
        ]);
      } finally {
        await own.close();
      }
    });

    it('refuses what the balance cannot pay: 110007 on linear, 170131 on spot', async () => {
      // 20 BTC at 65 000 needs 130 000 USDT of margin at 10×; the account has 100 000.
      const linear = await submitLinear({
        side: 'Buy',
        orderType: 'Limit',
        qty: '20',
        price: '65000',
      });
      expect([linear.retCode, linear.retMsg]).toEqual([110007, 'ab not enough for new order']);
      // Two orders that each fit but together do not: the first's margin is set aside.
      expect(
        (
          await submitLinear({
            side: 'Buy',
            orderType: 'Limit',
            qty: '10',
            price: '60000',
          })
        ).retCode,
      ).toBe(0);
      expect(
        (
          await submitLinear({
            side: 'Buy',
            orderType: 'Limit',
            qty: '8',
            price: '60000',
          })
        ).retCode,
      ).toBe(110007);
      const sellCoins = await kit.rest.submitOrder({
        category: 'spot',
        symbol: 'ETHUSDT',
        side: 'Sell',
        orderType: 'Limit',
        qty: '1',
        price: '3300',
      });
      expect([sellCoins.retCode, sellCoins.retMsg]).toEqual([170131, 'Balance insufficient']);
    });

    it('refuses a reduce-only order with no position to reduce (110017)', async () => {
      const answer = await submitLinear({
        side: 'Sell',
        orderType: 'Market',
        qty: '0.01',
        reduceOnly: true,
      });
      expect([answer.retCode, answer.retMsg]).toEqual([110017, 'orderQty will be truncated to zero']);
    });

    it('accepts a crossing PostOnly order and cancels it instead of letting it take liquidity', async () => {
      const answer = await submitLinear({
        side: 'Buy',
        orderType: 'Limit',
        qty: '0.01',
        price: '65000.1',
        timeInForce: 'PostOnly',
      });
      expect(answer.retCode).toBe(0);
      const [order] = await linearOrdersById(answer.result.orderId);
      expect(order).toMatchObject({
        orderStatus: 'Cancelled',
        rejectReason: 'EC_PostOnlyWillTakeLiquidity',
        cumExecQty: '0',
      });
      expect(kit.simulator.executions()).toEqual([]);
    });
  });

  describe('matching', () => {
    it('fills a big order partially at the quoted depth, the rest as the market moves', async () => {
      await kit.simulator.setDepth('linear', 'BTCUSDT', '0.4');
      const placed = await submitLinear({
        side: 'Buy',
        orderType: 'Limit',
        qty: '1',
        price: '65000.1',
        orderLinkId: 'big',
      });
      expect(await linearOrder('big')).toMatchObject({
        orderStatus: 'PartiallyFilled',
        cumExecQty: '0.4',
        leavesQty: '0.6',
      });
      await kit.simulator.setPrice('linear', 'BTCUSDT', '65000');
      expect(await linearOrder('big')).toMatchObject({ orderStatus: 'PartiallyFilled', cumExecQty: '0.8' });
      await kit.simulator.setPrice('linear', 'BTCUSDT', '64990');
      expect(await linearOrder('big')).toMatchObject({
        orderStatus: 'Filled',
        cumExecQty: '1',
        leavesQty: '0',
      });

      // Newest first, two per page: each part took the ask of its quote.
      const first = await kit.rest.getExecutionList({
        category: 'linear',
        orderId: placed.result.orderId,
        limit: 2,
      });
      expect(first.result.list.map((execution) => [execution.execQty, execution.execPrice])).toEqual([
        ['0.2', '64990'],
        ['0.4', '65000'],
      ]);
      const second = await kit.rest.getExecutionList({
        category: 'linear',
        orderId: placed.result.orderId,
        limit: 2,
        cursor: first.result.nextPageCursor,
      });
      expect(second.result.list.map((execution) => [execution.execQty, execution.execPrice])).toEqual([
        ['0.4', '65000.1'],
      ]);
      expect(second.result.nextPageCursor).toBe('');
    });

    it('fills a resting limit as maker when the market comes to it', async () => {
      await submitLinear({
        side: 'Sell',
        orderType: 'Limit',
        qty: '0.1',
        price: '65100',
        orderLinkId: 'offer',
      });
      await kit.simulator.setPrice('linear', 'BTCUSDT', { bid: '65100', ask: '65100.1' });
      expect(await linearOrder('offer')).toMatchObject({ orderStatus: 'Filled', avgPrice: '65100' });
      const [execution] = (await kit.rest.getExecutionList({ category: 'linear', symbol: 'BTCUSDT' })).result
        .list;
      // 6510 × 0.02 % maker fee.
      expect(execution).toMatchObject({ isMaker: true, execFee: '1.302', feeRate: '0.0002' });
    });

    it('cancels the unfilled rest of a market order (IOC) when the depth runs out', async () => {
      await kit.simulator.setDepth('linear', 'ETHUSDT', '1');
      const placed = await kit.rest.submitOrder({
        category: 'linear',
        symbol: 'ETHUSDT',
        side: 'Sell',
        orderType: 'Market',
        qty: '3',
      });
      const [order] = (
        await kit.rest.getActiveOrders({
          category: 'linear',
          symbol: 'ETHUSDT',
          orderId: placed.result.orderId,
        })
      ).result.list;
      expect(order).toMatchObject({
        orderStatus: 'Cancelled',
        cumExecQty: '1',
        rejectReason: 'EC_NoImmediateQtyToFill',
      });
    });

    it('triggers a conditional order when the last price crosses, and refuses one already behind the market', async () => {
      const behind = await submitLinear({
        side: 'Buy',
        orderType: 'Market',
        qty: '0.01',
        triggerPrice: '64000',
        triggerDirection: 1,
      });
      expect(behind.retCode).toBe(110092);
      expect(behind.retMsg).toBe('expect Rising, but trigger_price[64000] <= current[65000]??LastPrice');

      const stop = await submitLinear({
        side: 'Buy',
        orderType: 'Market',
        qty: '0.01',
        triggerPrice: '66000',
        triggerDirection: 1,
        orderLinkId: 'breakout',
      });
      expect(await linearOrder('breakout')).toMatchObject({
        orderStatus: 'Untriggered',
        stopOrderType: 'Stop',
        triggerPrice: '66000',
        triggerDirection: 1,
      });
      await kit.simulator.setPrice('linear', 'BTCUSDT', '65900');
      expect((await linearOrder('breakout'))?.orderStatus).toBe('Untriggered');
      await kit.simulator.setPrice('linear', 'BTCUSDT', '66000');
      expect(await linearOrder('breakout')).toMatchObject({
        orderId: stop.result.orderId,
        orderStatus: 'Filled',
        avgPrice: '66000',
      });
    });

    it('sets a position TP/SL from the order, closes the position on TP and drops the SL with it', async () => {
      await submitLinear({
        side: 'Buy',
        orderType: 'Market',
        qty: '0.1',
        takeProfit: '67000',
        stopLoss: '63000',
      });
      const [position] = (await kit.rest.getPositionInfo({ category: 'linear', symbol: 'BTCUSDT' })).result
        .list;
      expect(position).toMatchObject({ size: '0.1', takeProfit: '67000', stopLoss: '63000' });
      const exits = (
        await kit.rest.getActiveOrders({ category: 'linear', symbol: 'BTCUSDT', orderFilter: 'StopOrder' })
      ).result.list;
      expect(
        exits.map((order) => [
          order.stopOrderType,
          order.orderStatus,
          order.side,
          order.triggerPrice,
          order.reduceOnly,
        ]),
      ).toEqual([
        ['StopLoss', 'Untriggered', 'Sell', '63000', true],
        ['TakeProfit', 'Untriggered', 'Sell', '67000', true],
      ]);

      await kit.simulator.setPrice('linear', 'BTCUSDT', '67000');

      const [closed] = (await kit.rest.getPositionInfo({ category: 'linear', symbol: 'BTCUSDT' })).result
        .list;
      expect(closed).toMatchObject({ size: '0', side: '', takeProfit: '0', stopLoss: '0' });
      const done = (
        await kit.rest.getActiveOrders({
          category: 'linear',
          symbol: 'BTCUSDT',
          openOnly: 1,
          orderFilter: 'StopOrder',
        })
      ).result.list;
      expect(done.map((order) => [order.stopOrderType, order.orderStatus, order.cancelType])).toEqual([
        ['StopLoss', 'Deactivated', 'CancelByTpSlTsClear'],
        ['TakeProfit', 'Filled', 'UNKNOWN'],
      ]);
    });

    it('cuts a reduce-only order to the position, and cancels it once the position is gone', async () => {
      await submitLinear({
        side: 'Buy',
        orderType: 'Market',
        qty: '0.1',
      });
      const exit = await submitLinear({
        side: 'Sell',
        orderType: 'Limit',
        qty: '0.5',
        price: '70000',
        reduceOnly: true,
        orderLinkId: 'exit',
      });
      expect(exit.retCode).toBe(0);
      expect(await linearOrder('exit')).toMatchObject({ orderStatus: 'New', qty: '0.1', reduceOnly: true });
      await submitLinear({
        side: 'Sell',
        orderType: 'Market',
        qty: '0.1',
      });
      expect(await linearOrder('exit')).toMatchObject({
        orderStatus: 'Cancelled',
        cancelType: 'CancelByReduceOnly',
      });
    });

    it('ends a partly filled spot order as PartiallyFilledCanceled, where a derivative says Cancelled', async () => {
      await kit.rest.submitOrder({
        category: 'spot',
        symbol: 'BTCUSDT',
        side: 'Buy',
        orderType: 'Market',
        qty: '0.05',
        marketUnit: 'baseCoin',
      });
      await kit.simulator.setDepth('spot', 'BTCUSDT', '0.01');
      const sell = await kit.rest.submitOrder({
        category: 'spot',
        symbol: 'BTCUSDT',
        side: 'Sell',
        orderType: 'Market',
        qty: '0.05',
      });
      const [order] = (await kit.rest.getActiveOrders({ category: 'spot', orderId: sell.result.orderId }))
        .result.list;
      expect(order).toMatchObject({
        orderStatus: 'PartiallyFilledCanceled',
        cumExecQty: '0.01',
        marketUnit: 'baseCoin',
      });
    });

    it('buys spot by quote value, moving USDT into the coin', async () => {
      const placed = await kit.rest.submitOrder({
        category: 'spot',
        symbol: 'BTCUSDT',
        side: 'Buy',
        orderType: 'Market',
        qty: '1000',
      });
      expect(placed.retCode).toBe(0);
      const [order] = (await kit.rest.getActiveOrders({ category: 'spot', orderId: placed.result.orderId }))
        .result.list;
      // 1000 USDT at the ask 65000.1 buys 0.015384 BTC (basePrecision 0.000001).
      expect(order).toMatchObject({
        orderStatus: 'Filled',
        marketUnit: 'quoteCoin',
        qty: '1000',
        cumExecQty: '0.015384',
      });
      const wallet = (await kit.rest.getWalletBalance({ accountType: 'UNIFIED' })).result.list[0];
      const coins = Object.fromEntries((wallet?.coin ?? []).map((coin) => [coin.coin, coin.walletBalance]));
      // 0.015384 × 65000.1 = 999.9615384 spent, and 0.1 % of it in fees.
      expect(coins).toEqual({ USDT: '98999.0385000616', BTC: '0.015384' });
      const named = (await kit.rest.getWalletBalance({ accountType: 'UNIFIED', coin: 'ETH,BTC' })).result
        .list[0];
      expect(named?.coin.map((coin) => [coin.coin, coin.walletBalance])).toEqual([
        ['BTC', '0.015384'],
        ['ETH', '0'],
      ]);
      const sell = await kit.rest.submitOrder({
        category: 'spot',
        symbol: 'BTCUSDT',
        side: 'Sell',
        orderType: 'Limit',
        qty: '0.02',
        price: '70000',
      });
      expect(sell.retCode).toBe(170131);
    });
  });
});
