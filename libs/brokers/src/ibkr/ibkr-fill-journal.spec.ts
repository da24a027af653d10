import { jest } from '@jest/globals';
import type { Contract, Execution } from '@stoqey/ib';
import type { Fill } from '../domain/index.js';
import { IbkrFillJournal } from './ibkr-fill-journal.js';

const contract: Contract = { conId: 265598, symbol: 'AAPL', currency: 'USD' };
const execution = (execId: string, fields: Partial<Execution> = {}): Execution => ({
  execId,
  orderId: 7,
  orderRef: 'c-7',
  time: '20260102 14:30:00 UTC',
  side: 'BOT',
  shares: 10,
  price: 190.01,
  acctNumber: 'DU1',
  ...fields,
});

describe('the IB fill journal', () => {
  let published: Fill[];
  let journal: IbkrFillJournal;

  beforeEach(() => {
    jest.useFakeTimers();
    published = [];
    journal = new IbkrFillJournal(2000, (fill) => published.push(fill));
  });
  afterEach(() => {
    journal.close();
    jest.useRealTimers();
  });

  it('publishes an execution with its commission once both are in', () => {
    journal.execution('AAPL', contract, execution('e.01'), 'c-7');
    expect(published).toEqual([]);
    journal.commission({ execId: 'e.01', commission: 1.25, currency: 'USD' });
    expect(published).toEqual([
      {
        executionId: 'e.01',
        brokerOrderId: '7',
        clientOrderId: 'c-7',
        symbol: 'AAPL',
        side: 'buy',
        quantity: '10',
        price: '190.01',
        fee: '1.25',
        feeCurrency: 'USD',
        liquidity: 'taker',
        executedAt: '2026-01-02T14:30:00.000Z',
      },
    ]);
  });

  it('publishes at once when the report came first', () => {
    journal.commission({ execId: 'e.02', commission: 0.5, currency: 'USD' });
    journal.execution('AAPL', contract, execution('e.02', { side: 'SLD', lastLiquidity: 1 }), 'c-7');
    expect(published).toMatchObject([{ fee: '0.5', side: 'sell', liquidity: 'maker' }]);
  });

  it('does not hold a fill whose report never comes: fee 0 after the wait', () => {
    journal.execution('AAPL', contract, execution('e.03'), 'c-7');
    jest.advanceTimersByTime(1999);
    expect(published).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(published).toMatchObject([{ executionId: 'e.03', fee: '0' }]);
  });

  it('never publishes an execution id twice (live, then recovered by reqExecutions)', () => {
    journal.execution('AAPL', contract, execution('e.04'), 'c-7');
    journal.commission({ execId: 'e.04', commission: 1, currency: 'USD' });
    journal.execution('AAPL', contract, execution('e.04'), 'c-7');
    journal.commission({ execId: 'e.04', commission: 1, currency: 'USD' });
    expect(published).toHaveLength(1);
    expect(journal.lastExecutionTime?.toISOString()).toBe('2026-01-02T14:30:00.000Z');
  });
});
