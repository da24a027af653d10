import type { Instrument } from '#brokers';
import { type RunOrderInputs, runOrderRequest } from './run-order-request.js';

const instrument = {
  symbol: 'BTCUSDT',
  tickSize: '0.1',
  lotSize: '0.001',
  minQuantity: '0.001',
} as Instrument;
const inputs = (overrides: Partial<RunOrderInputs> = {}): RunOrderInputs => ({
  account: 'paper',
  strategy: 'sma-crossover',
  instrument,
  sizing: { kind: 'fixed', quantity: '0.01' },
  equity: 100_000,
  lastClose: 70_000,
  ...overrides,
});

describe('runOrderRequest', () => {
  it("takes the run's fixed size when the strategy gives none, good till cancelled, under the strategy", () => {
    expect(runOrderRequest('rn-1', { side: 'buy' }, inputs())).toEqual(
      expect.objectContaining({
        account: 'paper',
        symbol: 'BTCUSDT',
        side: 'buy',
        type: 'market',
        quantity: '0.01',
        timeInForce: 'gtc',
        strategy: 'sma-crossover',
        clientOrderId: 'rn-1',
      }),
    );
  });

  it('sizes a percent of equity at the bar close, down to the lot, and rounds prices to the tick', () => {
    const order = runOrderRequest(
      'rn-2',
      {
        side: 'sell',
        type: 'stop_limit',
        stopPrice: 69_999.96,
        limitPrice: 69_990.04,
        takeProfit: 65_000.01,
      },
      inputs({ sizing: { kind: 'percent_of_equity', percent: 10 } }),
    );
    // 10 % of 100,000 at 70,000 is 0.142857…
    expect(order).toEqual(
      expect.objectContaining({ quantity: '0.142', stopPrice: '70000', price: '69990', takeProfit: '65000' }),
    );
  });

  it('keeps a limit price only on orders that take one, and refuses a size that rounds to nothing', () => {
    expect(runOrderRequest('rn-3', { side: 'buy', limitPrice: 1 }, inputs())).toEqual(
      expect.objectContaining({ type: 'market', price: undefined }),
    );
    expect(runOrderRequest('rn-4', { side: 'buy', quantity: 0.0004 }, inputs())).toEqual({
      refused: 'the size rounds to nothing at the lot size 0.001',
    });
  });
});
