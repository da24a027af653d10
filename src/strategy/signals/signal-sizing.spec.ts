import { UnprocessableError } from '../../common/errors/app-error.js';
import { signalClientOrderId } from './signal-client-order-id.js';
import { sizeFromEquity, sizeTowardTarget } from './signal-sizing.js';

describe('signal sizing', () => {
  it('trades the difference to a target position, in the direction that closes it', () => {
    expect(sizeTowardTarget('0.05', '0.02', 'BTCUSDT')).toEqual({ side: 'buy', quantity: '0.03' });
    expect(sizeTowardTarget('-0.01', '0.02', 'BTCUSDT')).toEqual({ side: 'sell', quantity: '0.03' });
    expect(() => sizeTowardTarget('0.02', '0.020', 'BTCUSDT')).toThrow(
      new UnprocessableError('the position in BTCUSDT is already 0.02: nothing to trade'),
    );
  });

  it('turns a percent of equity into a quantity at the price', () => {
    expect(sizeFromEquity('5', '100000', '50000', 'buy')).toEqual({ side: 'buy', quantity: '0.1' });
    expect(() => sizeFromEquity('5', '0', '50000', 'buy')).toThrow(UnprocessableError);
  });
});

describe('signalClientOrderId', () => {
  it('is the same for the same signal and differs for another strategy, account or signal', () => {
    const id = signalClientOrderId('sma-crossover', 'paper', 'sig-1');
    expect(id).toMatch(/^sg-[0-9a-f]{32}$/);
    expect(signalClientOrderId('sma-crossover', 'paper', 'sig-1')).toBe(id);
    expect(
      new Set([
        id,
        signalClientOrderId('ema-crossover', 'paper', 'sig-1'),
        signalClientOrderId('sma-crossover', 'bybit', 'sig-1'),
        signalClientOrderId('sma-crossover', 'paper', 'sig-2'),
      ]).size,
    ).toBe(4);
  });
});
