import { EventName } from '@stoqey/ib';
import type { ContractDetails } from '@stoqey/ib';
import { decodeWithStoqey, singleEvent } from './testing/stoqey-decoder-oracle.js';
import {
  encodeContractData,
  encodeContractDataEnd,
  type TwsContractDetails,
} from './tws-contract-details-messages.js';

const AAPL_DETAILS: TwsContractDetails = {
  contract: {
    conId: 265598,
    symbol: 'AAPL',
    secType: 'STK',
    exchange: 'SMART',
    primaryExch: 'NASDAQ',
    currency: 'USD',
    localSymbol: 'AAPL',
    tradingClass: 'NMS',
  },
  marketName: 'NMS',
  minTick: '0.01',
  orderTypes: ['LMT', 'MKT', 'STP', 'STP LMT', 'TRAIL'],
  validExchanges: ['SMART', 'NASDAQ', 'ISLAND'],
  longName: 'APPLE INC',
  industry: 'Technology',
  category: 'Computers',
  subcategory: 'Computers',
  timeZoneId: 'US/Eastern',
  tradingHours: '20260102:0400-20260102:2000;20260103:CLOSED',
  liquidHours: '20260102:0930-20260102:1600;20260103:CLOSED',
  aggGroup: 1,
  marketRuleIds: [26, 26, 26],
  stockType: 'COMMON',
  minSize: '0.0001',
  sizeIncrement: '0.0001',
  suggestedSizeIncrement: '100',
};

function decodeDetails(reqId: number, details: TwsContractDetails): ContractDetails {
  const verdict = decodeWithStoqey(encodeContractData(reqId, details));
  expect(verdict.decodingErrors).toEqual([]);
  const [decodedReqId, decoded] = singleEvent(verdict, EventName.contractDetails) as [
    number,
    ContractDetails,
  ];
  expect(decodedReqId).toBe(reqId);
  return decoded;
}

describe('CONTRACT_DATA and CONTRACT_DATA_END read back by @stoqey/ib at server version 193', () => {
  it('carries a stock: contract, tick and size rules, hours and market rules as encoded', () => {
    expect(encodeContractData(5, AAPL_DETAILS)).toHaveLength(42);
    const details = decodeDetails(5, AAPL_DETAILS);

    expect(details.contract).toMatchObject({
      conId: 265598,
      symbol: 'AAPL',
      secType: 'STK',
      exchange: 'SMART',
      primaryExch: 'NASDAQ',
      currency: 'USD',
      localSymbol: 'AAPL',
      tradingClass: 'NMS',
    });
    expect(details).toMatchObject({
      marketName: 'NMS',
      minTick: 0.01,
      orderTypes: 'LMT,MKT,STP,STP LMT,TRAIL',
      validExchanges: 'SMART,NASDAQ,ISLAND',
      priceMagnifier: 1,
      longName: 'APPLE INC',
      industry: 'Technology',
      timeZoneId: 'US/Eastern',
      tradingHours: '20260102:0400-20260102:2000;20260103:CLOSED',
      liquidHours: '20260102:0930-20260102:1600;20260103:CLOSED',
      aggGroup: 1,
      marketRuleIds: '26,26,26',
      stockType: 'COMMON',
      minSize: 0.0001,
      sizeIncrement: 0.0001,
      suggestedSizeIncrement: 100,
      ineligibilityReasonList: [],
    });
  });

  it('carries a future with expiry, last trade date and multiplier', () => {
    const details = decodeDetails(6, {
      ...AAPL_DETAILS,
      contract: {
        conId: 495512563,
        symbol: 'ES',
        secType: 'FUT',
        lastTradeDateOrContractMonth: '20261218',
        multiplier: '50',
        exchange: 'CME',
        currency: 'USD',
        localSymbol: 'ESZ6',
        tradingClass: 'ES',
      },
      lastTradeDate: '20261218',
      contractMonth: '202612',
      minTick: '0.25',
      minSize: '1',
      sizeIncrement: '1',
      suggestedSizeIncrement: undefined,
    });

    expect(details.contract).toMatchObject({
      lastTradeDateOrContractMonth: '20261218',
      lastTradeDate: '20261218',
      multiplier: 50,
    });
    expect(details).toMatchObject({ contractMonth: '202612', minTick: 0.25, suggestedSizeIncrement: 1 });
  });

  it('escapes a non-ASCII long name the way TWS does, and the client restores it', () => {
    const fields = encodeContractData(7, { ...AAPL_DETAILS, longName: 'SOCIÉTÉ GÉNÉRALE' });
    expect(fields).toContain('SOCI\\u00c9T\\u00c9 G\\u00c9N\\u00c9RALE');
    expect(decodeDetails(7, { ...AAPL_DETAILS, longName: 'SOCIÉTÉ GÉNÉRALE' }).longName).toBe(
      'SOCIÉTÉ GÉNÉRALE',
    );
  });

  it('adds the fund fields the client reads for a FUND contract', () => {
    const fund: TwsContractDetails = {
      ...AAPL_DETAILS,
      contract: { ...AAPL_DETAILS.contract, secType: 'FUND' },
    };
    expect(encodeContractData(8, fund)).toHaveLength(59);
    expect(decodeDetails(8, fund).fundClosed).toBe(false);
  });

  it('ends the answer to reqContractDetails', () => {
    const verdict = decodeWithStoqey(encodeContractDataEnd(5));
    expect(verdict.decodingErrors).toEqual([]);
    expect(singleEvent(verdict, EventName.contractDetailsEnd)).toEqual([5]);
  });
});
