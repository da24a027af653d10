import type { AccountSummary, Position, Ticker } from '#brokers';
import { AccountLiveState } from './account-live-state.js';

const summary = (fields: Partial<AccountSummary> = {}): AccountSummary => ({
  account: 'paper',
  currency: 'USD',
  balance: '1000',
  equity: '1000',
  marginUsed: '0',
  marginFree: '1000',
  unrealizedPnl: '0',
  realizedPnl: '0',
  updatedAt: '2026-01-01T10:00:00.000Z',
  ...fields,
});
const position = (fields: Partial<Position> = {}): Position => ({
  symbol: 'BTCUSDT',
  side: 'long',
  quantity: '2',
  averagePrice: '100',
  markPrice: '100',
  unrealizedPnl: '0',
  realizedPnl: '0',
  marginUsed: '20',
  updatedAt: '2026-01-01T10:00:00.000Z',
  ...fields,
});
const ticker = (bid: string, ask: string, symbol = 'BTCUSDT'): Ticker => ({
  symbol,
  bid,
  ask,
  last: bid,
  bidSize: '1',
  askSize: '1',
  time: '2026-01-01T10:00:01.000Z',
});

describe('AccountLiveState', () => {
  it('marks positions to the middle of each new quote and carries the PnL into equity', () => {
    const state = new AccountLiveState('paper');
    state.applySummary(summary());
    state.applyPosition(position());
    expect(state.applyTick(ticker('109', '111'))).toBe(true);
    expect(state.pnlView()).toEqual(
      expect.objectContaining({
        equity: '1020',
        unrealizedPnl: '20',
        dailyPnl: '20',
        positions: [{ symbol: 'BTCUSDT', quantity: '2', markPrice: '110', unrealizedPnl: '20' }],
      }),
    );
    // A short gains as the price falls.
    state.applyPosition(position({ quantity: '-1', side: 'short' }));
    state.applyTick(ticker('89', '91'));
    expect(state.pnlView()?.unrealizedPnl).toBe('10');
  });

  it('ignores quotes of symbols it holds nothing in, and drops flat positions', () => {
    const state = new AccountLiveState('paper');
    state.applySummary(summary());
    expect(state.applyTick(ticker('1', '2', 'ETHUSDT'))).toBe(false);
    state.applyPosition(position());
    state.applyPosition(position({ quantity: '0', side: 'flat' }));
    expect(state.positionsView().positions).toEqual([]);
    expect(state.pricesView(['ETHUSDT', 'AAPL'])).toEqual([{ ticker: ticker('1', '2', 'ETHUSDT') }]);
  });

  it('starts a new UTC day from the last equity of the day before', () => {
    let now = new Date('2026-01-01T23:59:59.000Z');
    const state = new AccountLiveState('paper', () => now);
    state.seedDayStart('2026-01-01', '900');
    state.applySummary(summary({ equity: '1000', balance: '1000' }));
    expect(state.pnlView()?.dailyPnl).toBe('100');
    now = new Date('2026-01-02T00:00:01.000Z');
    state.applySummary(summary({ equity: '950', balance: '950', updatedAt: now.toISOString() }));
    expect(state.pnlView()).toEqual(expect.objectContaining({ dayStartEquity: '1000', dailyPnl: '-50' }));
  });

  it('has no PnL before the broker has answered, and reports connection changes once', () => {
    const state = new AccountLiveState('paper');
    expect(state.pnlView()).toBeNull();
    expect(state.setConnection('connected', null)).toBe(true);
    expect(state.setConnection('connected', null)).toBe(false);
    expect(state.setConnection('connected', 'reconciliation failed')).toBe(true);
    expect(state.accountView()).toEqual(
      expect.objectContaining({
        status: 'connected',
        degradedReason: 'reconciliation failed',
        summary: null,
      }),
    );
  });
});
