import type { FillRecord } from '../../trades/fill-record.js';
import { strategyEquityCurve } from './strategy-equity-curve.js';

let sequence = 0;
const fill = (
  side: 'buy' | 'sell',
  quantity: string,
  price: string,
  fee = '0',
  symbol = 'BTCUSDT',
): FillRecord => {
  sequence += 1;
  return {
    id: String(sequence),
    account: 'paper',
    executionId: `x${sequence}`,
    orderId: null,
    brokerOrderId: `b${sequence}`,
    clientOrderId: `c${sequence}`,
    symbol,
    side,
    quantity,
    price,
    fee,
    feeCurrency: 'USD',
    liquidity: 'taker',
    strategy: 'sma-crossover',
    executedAt: `2026-12-0${Math.min(9, sequence)}T00:00:00.000Z`,
  };
};
const NOW = '2026-12-10T00:00:00.000Z';

describe('strategyEquityCurve', () => {
  it("adds the strategy's realized PnL, less fees, to the account's starting equity", () => {
    const curve = strategyEquityCurve(
      'paper',
      '1000',
      [fill('buy', '2', '100', '1'), fill('sell', '1', '110', '1'), fill('sell', '1', '90', '1')],
      new Map(),
      NOW,
    );
    // +10 on the first unit, -10 on the second, 3 in fees; between them the open unit is marked at 110.
    expect(curve.at(-1)).toEqual(
      expect.objectContaining({ equity: '997', realizedPnl: '-3', unrealizedPnl: '0' }),
    );
    expect(curve.map((point) => point.equity)).toEqual(['1000', '999', '1018', '997', '997']);
  });

  it('marks an open position at the latest quote, and a reversal opens at its own price', () => {
    const curve = strategyEquityCurve(
      'paper',
      '0',
      [fill('buy', '1', '100'), fill('sell', '3', '120')],
      new Map([['BTCUSDT', '110']]),
      NOW,
    );
    // +20 realized closing the long; short 2 from 120 marked at 110 is +20.
    expect(curve.at(-1)).toEqual(
      expect.objectContaining({ realizedPnl: '20', unrealizedPnl: '20', equity: '40', at: NOW }),
    );
  });

  it('is one flat point with no fills', () => {
    expect(strategyEquityCurve('paper', '500', [], new Map(), NOW)).toEqual([
      expect.objectContaining({ equity: '500', at: NOW }),
    ]);
  });
});
