import { EventName } from '@stoqey/ib';
import type { CommissionReport, Contract, Execution } from '@stoqey/ib';
import { decodeWithStoqey, singleEvent } from './testing/stoqey-decoder-oracle.js';
import type { TwsExecution } from './tws-contract.js';
import {
  encodeCommissionReport,
  encodeExecutionData,
  encodeExecutionDataEnd,
} from './tws-execution-messages.js';

const FILL: TwsExecution = {
  reqId: -1,
  orderId: 1001,
  contract: {
    conId: 265598,
    symbol: 'AAPL',
    secType: 'STK',
    exchange: 'ISLAND',
    currency: 'USD',
    localSymbol: 'AAPL',
    tradingClass: 'NMS',
  },
  execId: '00025b46.63f8f39c.01.01',
  time: '20260102 15:04:56 UTC',
  account: 'DU123',
  exchange: 'ISLAND',
  side: 'BOT',
  shares: '100',
  price: '187.42',
  permId: 1376327563,
  clientId: 7,
  cumQty: '100',
  avgPrice: '187.42',
  orderRef: 'strategy-42',
  lastLiquidity: 2,
};

describe('EXECUTION_DATA, EXECUTION_DATA_END and COMMISSION_REPORT read back by @stoqey/ib at server version 193', () => {
  it('carries a fill: its request, contract and execution fields as encoded', () => {
    const fields = encodeExecutionData({ ...FILL, reqId: 42 });
    const verdict = decodeWithStoqey(fields);

    expect(fields).toHaveLength(32);
    expect(verdict.decodingErrors).toEqual([]);
    const [reqId, contract, execution] = singleEvent(verdict, EventName.execDetails) as [
      number,
      Contract,
      Execution,
    ];
    expect(reqId).toBe(42);
    expect(contract).toMatchObject({
      conId: 265598,
      symbol: 'AAPL',
      secType: 'STK',
      exchange: 'ISLAND',
      currency: 'USD',
      localSymbol: 'AAPL',
      tradingClass: 'NMS',
    });
    expect(execution).toMatchObject({
      orderId: 1001,
      execId: '00025b46.63f8f39c.01.01',
      time: '20260102 15:04:56 UTC',
      acctNumber: 'DU123',
      exchange: 'ISLAND',
      side: 'BOT',
      shares: 100,
      price: 187.42,
      permId: 1376327563,
      clientId: 7,
      cumQty: 100,
      avgPrice: 187.42,
      orderRef: 'strategy-42',
      lastLiquidity: 2,
      pendingPriceRevision: false,
    });
  });

  it('reports a live fill under reqId -1 and a sale as SLD', () => {
    const verdict = decodeWithStoqey(encodeExecutionData({ ...FILL, side: 'SLD', orderRef: undefined }));

    expect(verdict.decodingErrors).toEqual([]);
    const [reqId, , execution] = singleEvent(verdict, EventName.execDetails) as [number, Contract, Execution];
    expect(reqId).toBe(-1);
    expect(execution.side).toBe('SLD');
    expect(execution.orderRef).toBe('');
  });

  it('ends the answer to reqExecutions', () => {
    const verdict = decodeWithStoqey(encodeExecutionDataEnd(42));
    expect(verdict.decodingErrors).toEqual([]);
    expect(singleEvent(verdict, EventName.execDetailsEnd)).toEqual([42]);
  });

  it('carries a commission report with its realized P&L', () => {
    const verdict = decodeWithStoqey(
      encodeCommissionReport({
        execId: FILL.execId,
        commission: '1.25',
        currency: 'USD',
        realizedPNL: '-12.5',
      }),
    );

    expect(verdict.decodingErrors).toEqual([]);
    const [report] = singleEvent(verdict, EventName.commissionReport) as [CommissionReport];
    expect(report).toEqual({
      execId: '00025b46.63f8f39c.01.01',
      commission: 1.25,
      currency: 'USD',
      realizedPNL: -12.5,
      yield: undefined,
      yieldRedemptionDate: 0,
    });
  });

  it("reports an opening fill's realized P&L as no value rather than 0", () => {
    const verdict = decodeWithStoqey(
      encodeCommissionReport({ execId: 'e1', commission: '1', currency: 'USD' }),
    );

    expect(verdict.decodingErrors).toEqual([]);
    const [report] = singleEvent(verdict, EventName.commissionReport) as [CommissionReport];
    expect(report.realizedPNL).toBeUndefined();
  });
});
