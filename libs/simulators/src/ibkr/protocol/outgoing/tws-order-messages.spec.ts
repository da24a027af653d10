import { EventName } from '@stoqey/ib';
import type { Contract, Order, OrderState } from '@stoqey/ib';
import type { TwsContract, TwsOrderView } from './tws-contract.js';
import { encodeOpenOrder, encodeOpenOrderEnd, encodeOrderStatus } from './tws-order-messages.js';
import { decodeWithStoqey, singleEvent } from './testing/stoqey-decoder-oracle.js';
import { UNSET_DOUBLE } from './tws-values.js';

const AAPL: TwsContract = {
  conId: 265598,
  symbol: 'AAPL',
  secType: 'STK',
  exchange: 'SMART',
  primaryExch: 'NASDAQ',
  currency: 'USD',
  localSymbol: 'AAPL',
  tradingClass: 'NMS',
};

const LIMIT_BUY: TwsOrderView = {
  orderId: 1001,
  clientId: 7,
  permId: 1376327563,
  contract: AAPL,
  action: 'BUY',
  totalQuantity: '100',
  orderType: 'LMT',
  lmtPrice: '187.5',
  tif: 'DAY',
  account: 'DU123',
  orderRef: 'strategy-42',
  parentId: 0,
  outsideRth: true,
  transmit: true,
  status: 'Submitted',
};

/** Decodes one OPEN_ORDER with the real client, which must read it to the last field. */
function decodeOpenOrder(view: TwsOrderView): { contract: Contract; order: Order; state: OrderState } {
  const verdict = decodeWithStoqey(encodeOpenOrder(view));
  expect(verdict.decodingErrors).toEqual([]);
  const [orderId, contract, order, state] = singleEvent(verdict, EventName.openOrder) as [
    number,
    Contract,
    Order,
    OrderState,
  ];
  expect(orderId).toBe(view.orderId);
  return { contract, order, state };
}

describe('OPEN_ORDER read back by @stoqey/ib at server version 193', () => {
  it('carries a limit order: contract, terms, ids and status as encoded', () => {
    const { contract, order, state } = decodeOpenOrder(LIMIT_BUY);

    expect(contract).toMatchObject({
      conId: 265598,
      symbol: 'AAPL',
      secType: 'STK',
      exchange: 'SMART',
      currency: 'USD',
      localSymbol: 'AAPL',
      tradingClass: 'NMS',
    });
    expect(contract.right).toBeUndefined();
    expect(order).toMatchObject({
      orderId: 1001,
      clientId: 7,
      permId: 1376327563,
      action: 'BUY',
      totalQuantity: 100,
      orderType: 'LMT',
      lmtPrice: 187.5,
      tif: 'DAY',
      ocaGroup: '',
      account: 'DU123',
      orderRef: 'strategy-42',
      parentId: 0,
      outsideRth: true,
      origin: 0,
      exemptCode: -1,
    });
    expect(order.auxPrice).toBeUndefined();
    expect(order.trailStopPrice).toBeUndefined();
    expect(order.cashQty).toBeUndefined();
    // TWS does not echo transmit: an order it reports has been transmitted.
    expect(order.transmit).toBeUndefined();
    expect(state.status).toBe('Submitted');
    expect(state.commission).toBeUndefined();
    expect(state.initMarginBefore).toBeUndefined();
  });

  it('has 141 fields for a plain order: the 133 of the notes plus the eight deltaNeutralOrderType "None" brings', () => {
    expect(encodeOpenOrder(LIMIT_BUY)).toHaveLength(141);
  });

  it('carries stop, trail and bracket fields, and the commission once filled', () => {
    const { order, state } = decodeOpenOrder({
      ...LIMIT_BUY,
      orderId: 1003,
      action: 'SELL',
      orderType: 'TRAIL LIMIT',
      lmtPrice: '179.5',
      auxPrice: '2.5',
      trailStopPrice: '185',
      trailingPercent: '1.5',
      ocaGroup: 'oca-1001',
      ocaType: 3,
      parentId: 1001,
      outsideRth: false,
      status: 'Filled',
      commission: '1.25',
      commissionCurrency: 'USD',
      warningText: 'price capped',
    });

    expect(order).toMatchObject({
      action: 'SELL',
      orderType: 'TRAIL LIMIT',
      lmtPrice: 179.5,
      auxPrice: 2.5,
      trailStopPrice: 185,
      trailingPercent: 1.5,
      ocaGroup: 'oca-1001',
      ocaType: 3,
      parentId: 1001,
      outsideRth: false,
    });
    expect(state).toMatchObject({
      status: 'Filled',
      commission: 1.25,
      commissionCurrency: 'USD',
      warningText: 'price capped',
    });
  });

  it('takes trailStopPrice from the adjusted-order block, not from the trail block before it', () => {
    const fields = [...encodeOpenOrder({ ...LIMIT_BUY, orderType: 'TRAIL', trailStopPrice: '185' })];
    const adjusted = fields.lastIndexOf('185');
    expect(fields.indexOf('185')).toBeLessThan(adjusted);
    fields[adjusted] = UNSET_DOUBLE;

    const verdict = decodeWithStoqey(fields);
    const [, , order] = singleEvent(verdict, EventName.openOrder) as [number, Contract, Order];
    expect(order.trailStopPrice).toBeUndefined();
  });

  it('carries a cash-quantity crypto order without a share quantity', () => {
    const { contract, order } = decodeOpenOrder({
      ...LIMIT_BUY,
      contract: { conId: 479624278, symbol: 'BTC', secType: 'CRYPTO', exchange: 'PAXOS', currency: 'USD' },
      orderType: 'MKT',
      lmtPrice: undefined,
      totalQuantity: '',
      cashQty: '1000',
      tif: 'IOC',
    });

    expect(contract).toMatchObject({ conId: 479624278, secType: 'CRYPTO', exchange: 'PAXOS' });
    expect(order.totalQuantity).toBeUndefined();
    expect(order.lmtPrice).toBeUndefined();
    expect(order.cashQty).toBe(1000);
  });

  it('carries an option contract with strike, right and multiplier', () => {
    const { contract } = decodeOpenOrder({
      ...LIMIT_BUY,
      contract: {
        conId: 712345678,
        symbol: 'AAPL',
        secType: 'OPT',
        lastTradeDateOrContractMonth: '20261218',
        strike: '150',
        right: 'C',
        multiplier: '100',
        exchange: 'SMART',
        currency: 'USD',
        localSymbol: 'AAPL  261218C00150000',
        tradingClass: 'AAPL',
      },
    });

    expect(contract).toMatchObject({
      secType: 'OPT',
      lastTradeDateOrContractMonth: '20261218',
      strike: 150,
      right: 'C',
      multiplier: 100,
    });
  });

  it('adds the pegged-to-benchmark fields the client reads for PEG BENCH orders', () => {
    const pegBench: TwsOrderView = { ...LIMIT_BUY, orderType: 'PEG BENCH' };
    expect(encodeOpenOrder(pegBench)).toHaveLength(146);
    expect(decodeOpenOrder(pegBench).order.orderType).toBe('PEG BENCH');
  });
});

describe('ORDER_STATUS and OPEN_ORDER_END read back by @stoqey/ib at server version 193', () => {
  it('carries every ORDER_STATUS field as encoded', () => {
    const verdict = decodeWithStoqey(
      encodeOrderStatus({
        orderId: 1001,
        status: 'Filled',
        filled: '100',
        remaining: '0',
        avgFillPrice: '187.42',
        permId: 1376327563,
        parentId: 0,
        lastFillPrice: '187.4',
        clientId: 7,
        whyHeld: 'locate',
        mktCapPrice: '187.5',
      }),
    );

    expect(verdict.decodingErrors).toEqual([]);
    expect(singleEvent(verdict, EventName.orderStatus)).toEqual([
      1001,
      'Filled',
      100,
      0,
      187.42,
      1376327563,
      0,
      187.4,
      7,
      'locate',
      187.5,
    ]);
  });

  it('reads an ORDER_STATUS without whyHeld or mktCapPrice as "" and 0, as TWS sends them', () => {
    const verdict = decodeWithStoqey(
      encodeOrderStatus({
        orderId: 13,
        status: 'PreSubmitted',
        filled: '0',
        remaining: '100',
        avgFillPrice: '0',
        permId: 1376327563,
        parentId: 0,
        lastFillPrice: '0',
        clientId: 100,
      }),
    );

    expect(verdict.decodingErrors).toEqual([]);
    const args = singleEvent(verdict, EventName.orderStatus);
    expect(args.slice(9)).toEqual(['', 0]);
  });

  it('ends the open-order burst', () => {
    const verdict = decodeWithStoqey(encodeOpenOrderEnd());
    expect(verdict.decodingErrors).toEqual([]);
    expect(singleEvent(verdict, EventName.openOrderEnd)).toEqual([]);
  });
});
