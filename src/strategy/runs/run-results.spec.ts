import { type RunFill, runResults } from './run-results.js';

const fill = (side: 'buy' | 'sell', quantity: string, price: string, fee = '0'): RunFill => ({
  executionId: `${side}-${price}`,
  orderId: 'o',
  side,
  quantity,
  price,
  fee,
  executedAt: '2026-12-02T00:00:00.000Z',
});

describe('runResults', () => {
  it('gives the PnL of a closed round trip exactly, fees taken off', () => {
    const results = runResults(
      [fill('buy', '0.1', '100.1', '0.01'), fill('sell', '0.1', '110.2', '0.01')],
      null,
    );
    expect(results).toEqual(
      expect.objectContaining({ position: '0', netCash: '0.99', fees: '0.02', pnl: '0.99', fills: 2 }),
    );
  });

  it('marks an open position at the price, and has no PnL for it without one', () => {
    expect(runResults([fill('sell', '2', '50')], '45').pnl).toBe('10');
    expect(runResults([fill('sell', '2', '50')], null)).toEqual(
      expect.objectContaining({ position: '-2', netCash: '100', pnl: null }),
    );
  });
});
