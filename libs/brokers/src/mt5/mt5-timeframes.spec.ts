import { MT5_SUPPORTED_TIMEFRAMES, toMt5Timeframe } from './mt5-timeframes.js';

describe('MT5 timeframes', () => {
  it.each([
    ['1m', 1],
    ['15m', 15],
    ['30m', 30],
    ['1h', 16385],
    ['4h', 16388],
    ['12h', 16396],
    ['1d', 16408],
    ['1w', 32769],
  ])('%s is TIMEFRAME_* %i, as the MetaTrader5 package numbers it', (timeframe, value) => {
    expect(toMt5Timeframe(timeframe)).toBe(value);
  });

  it('has no value for a length MT5 lacks, nor for inherited keys', () => {
    for (const timeframe of ['7m', '5h', '2d', '2w', 'toString', '60m'])
      expect(toMt5Timeframe(timeframe)).toBeUndefined();
    expect(MT5_SUPPORTED_TIMEFRAMES).toHaveLength(20);
  });
});
