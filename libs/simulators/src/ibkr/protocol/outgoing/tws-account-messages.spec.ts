import { EventName } from '@stoqey/ib';
import type { Contract } from '@stoqey/ib';
import { decodeWithStoqey, singleEvent, type DecoderVerdict } from './testing/stoqey-decoder-oracle.js';
import {
  encodeAccountDownloadEnd,
  encodeAccountSummary,
  encodeAccountSummaryEnd,
  encodeAccountUpdateTime,
  encodeAccountValue,
  encodePnl,
  encodePnlSingle,
  encodePortfolioValue,
  encodePosition,
  encodePositionEnd,
} from './tws-account-messages.js';
import type { TwsContract } from './tws-contract.js';

const ES: TwsContract = {
  conId: 495512563,
  symbol: 'ES',
  secType: 'FUT',
  lastTradeDateOrContractMonth: '20261218',
  multiplier: '50',
  exchange: 'CME',
  primaryExch: 'CME',
  currency: 'USD',
  localSymbol: 'ESZ6',
  tradingClass: 'ES',
};

/** Decodes one message and checks the client read exactly its fields. */
function decodeClean(fields: readonly string[]): DecoderVerdict {
  const verdict = decodeWithStoqey(fields);
  expect(verdict.decodingErrors).toEqual([]);
  return verdict;
}

describe('position and account messages read back by @stoqey/ib at server version 193', () => {
  it('carries a position: account, contract, size and average cost', () => {
    const verdict = decodeClean(
      encodePosition({ account: 'DU123', contract: ES, position: '-2', avgCost: '290125.5' }),
    );

    const [account, contract, position, avgCost] = singleEvent(verdict, EventName.position) as [
      string,
      Contract,
      number,
      number,
    ];
    expect(account).toBe('DU123');
    expect(contract).toMatchObject({
      conId: 495512563,
      symbol: 'ES',
      secType: 'FUT',
      lastTradeDateOrContractMonth: '20261218',
      multiplier: 50,
      exchange: 'CME',
      currency: 'USD',
      localSymbol: 'ESZ6',
      tradingClass: 'ES',
    });
    expect(position).toBe(-2);
    expect(avgCost).toBe(290125.5);
  });

  it('ends the position snapshot', () => {
    expect(singleEvent(decodeClean(encodePositionEnd()), EventName.positionEnd)).toEqual([]);
  });

  it('carries an account summary row and its end', () => {
    const row = decodeClean(
      encodeAccountSummary({
        reqId: 9,
        account: 'DU123',
        tag: 'NetLiquidation',
        value: '100000.00',
        currency: 'USD',
      }),
    );
    expect(singleEvent(row, EventName.accountSummary)).toEqual([
      9,
      'DU123',
      'NetLiquidation',
      '100000.00',
      'USD',
    ]);

    expect(singleEvent(decodeClean(encodeAccountSummaryEnd(9)), EventName.accountSummaryEnd)).toEqual([9]);
  });

  it('carries the account P&L, and a P&L left out as no value rather than 0', () => {
    const full = decodeClean(
      encodePnl({ reqId: 3, dailyPnL: '12.5', unrealizedPnL: '-3.25', realizedPnL: '0' }),
    );
    expect(singleEvent(full, EventName.pnl)).toEqual([3, 12.5, -3.25, 0]);

    const partial = decodeClean(encodePnl({ reqId: 3, dailyPnL: '12.5' }));
    expect(singleEvent(partial, EventName.pnl)).toEqual([3, 12.5, undefined, undefined]);
  });

  it("carries one position's P&L", () => {
    const verdict = decodeClean(
      encodePnlSingle({ reqId: 4, position: '-2', dailyPnL: '100', unrealizedPnL: '250', value: '580251' }),
    );
    expect(singleEvent(verdict, EventName.pnlSingle)).toEqual([4, -2, 100, 250, undefined, 580251]);
  });

  it('carries an account value, a portfolio holding, the update time and the download end', () => {
    const value = decodeClean(
      encodeAccountValue({ key: 'UnrealizedPnL', value: '250.00', currency: 'USD', account: 'DU123' }),
    );
    expect(singleEvent(value, EventName.updateAccountValue)).toEqual([
      'UnrealizedPnL',
      '250.00',
      'USD',
      'DU123',
    ]);

    const holding = decodeClean(
      encodePortfolioValue({
        contract: ES,
        position: '-2',
        marketPrice: '5802.5',
        marketValue: '-580250',
        averageCost: '290125.5',
        unrealizedPNL: '-0.99',
        realizedPNL: '0',
        account: 'DU123',
      }),
    );
    const [contract, ...numbers] = singleEvent(holding, EventName.updatePortfolio) as [
      Contract,
      ...unknown[],
    ];
    expect(contract).toMatchObject({ conId: 495512563, symbol: 'ES', multiplier: 50, primaryExch: 'CME' });
    expect(numbers).toEqual([-2, 5802.5, -580250, 290125.5, -0.99, 0, 'DU123']);

    expect(singleEvent(decodeClean(encodeAccountUpdateTime('09:31')), EventName.updateAccountTime)).toEqual([
      '09:31',
    ]);
    expect(singleEvent(decodeClean(encodeAccountDownloadEnd('DU123')), EventName.accountDownloadEnd)).toEqual(
      ['DU123'],
    );
  });
});
