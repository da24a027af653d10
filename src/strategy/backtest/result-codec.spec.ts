import type { ClosedTrade } from '#backtest/engine/closed-trade.js';
import { floatString } from './float-string.js';
import { decodePositionCursor, encodePositionCursor } from './position-cursor.js';
import { decodeResult, encodeResult } from './result-codec.js';

const trade: ClosedTrade = {
  symbol: 'GOOG',
  direction: 'long',
  quantity: 10,
  entryTime: 1_000,
  entryPrice: 100.5,
  exitTime: 2_000,
  exitPrice: 110.25,
  grossPnl: 97.5,
  fees: 1,
  pnl: 96.5,
  returnFraction: 0.096,
  bars: 3,
  mae: -5,
  mfe: 120,
  open: false,
};

describe('stored backtest results', () => {
  it('read back bar for bar and trade for trade, smaller than the raw columns', async () => {
    const bars = 100_000;
    const time = Float64Array.from({ length: bars }, (_, index) => 1_700_000_000_000 + index * 60_000);
    const equity = Float64Array.from({ length: bars }, (_, index) => 100_000 + index / 3);
    const drawdown = new Float64Array(bars);
    const stored = await encodeResult({ time, equity, drawdown, trades: [trade] });
    expect(stored.length).toBeLessThan(bars * 8 * 3);
    const read = await decodeResult(stored);
    expect(read.time).toEqual(time);
    expect(read.equity).toEqual(equity);
    expect(read.drawdown).toEqual(drawdown);
    expect(read.trades).toEqual([trade]);
  });

  it('shows float money as plain decimal strings without float noise', () => {
    expect(floatString(0.1 + 0.2)).toBe('0.3');
    expect(floatString(1e-7)).toBe('0.0000001');
    expect(floatString(-1234.5)).toBe('-1234.5');
    expect(floatString(1e21)).toBe('1000000000000000000000');
  });

  it('refuses a cursor of another list or one it did not hand out', () => {
    const cursor = encodePositionCursor('trades:a', 100);
    expect(decodePositionCursor(cursor, 'trades:a', 'tradesCursor')).toBe(100);
    expect(() => decodePositionCursor(cursor, 'trades:b', 'tradesCursor')).toThrow('tradesCursor is not one');
    expect(() => decodePositionCursor('bogus', 'trades:a', 'tradesCursor')).toThrow(
      'tradesCursor is not one',
    );
  });
});
