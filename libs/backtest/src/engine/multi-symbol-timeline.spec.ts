import { bars, day, runScript, type Ohlc } from '../testing/engine-fixtures.js';

// A trades days 0–3; B trades days 0, 2, 3, 4 (no bar on day 1, and one after A's last).
const rowsA: Ohlc[] = [
  [100, 101, 99, 100],
  [101, 103, 100, 102],
  [103, 104, 102, 103],
  [104, 105, 103, 104],
];
const rowsB: Ohlc[] = [
  [50, 51, 49, 50],
  [52, 53, 51, 52],
  [53, 54, 52, 53],
  [55, 56, 54, 55],
];
const A = bars(rowsA, 'A');
const B = bars(rowsB, 'B', [0, 2, 3, 4]);

describe('several symbols on one timeline', () => {
  const historyLengths: number[][] = [];
  const { result, log } = runScript([A, B], (context, step) => {
    historyLengths.push([context.history('A').length, context.history('B').length]);
    if (step === 0) {
      context.buy(10, { symbol: 'A' });
      context.buy(10, { symbol: 'B' });
    }
  });

  it('steps through every time either symbol has a bar', () => {
    expect(result.bars).toBe(5);
    expect(Array.from(result.equity.time)).toEqual([0, 1, 2, 3, 4].map(day));
    // Closed bars each symbol had at each step: B gains none on day 1, A none on day 4.
    expect(historyLengths).toEqual([
      [1, 1],
      [2, 1],
      [3, 2],
      [4, 3],
      [4, 4],
    ]);
  });

  it("fills an order at its own symbol's next bar: B's waits for day 2", () => {
    expect(log.fills.map((fill) => [fill.symbol, fill.price, fill.time])).toEqual([
      ['A', 101, day(1)],
      ['B', 52, day(2)],
    ]);
  });

  it('marks each position at its own last close, also on a step where it has no bar', () => {
    // Day 1: cash 100,000 − 1,010 = 98,990; A 10 × 102: 100,010 (B flat).
    // Day 2: cash 98,990 − 520 = 98,470; A 10 × 103, B 10 × 52: 100,020.
    // Day 3: 98,470 + 1,040 + 530 = 100,040.
    // Day 4: A has no bar and stays at 104; B closes 55: 98,470 + 1,040 + 550 = 100,060.
    expect(Array.from(result.equity.equity)).toEqual([100_000, 100_010, 100_020, 100_040, 100_060]);
  });

  it('reports one open trade per symbol, each at its own last close', () => {
    // A: (104 − 101) × 10 = 30; B: (55 − 52) × 10 = 30.
    expect(result.trades.map((trade) => [trade.symbol, trade.exitPrice, trade.pnl, trade.open])).toEqual([
      ['A', 104, 30, true],
      ['B', 55, 30, true],
    ]);
    // Each marked at its own last bar: A's data ends on day 3, B's on day 4.
    expect(result.trades.map((trade) => [trade.symbol, trade.exitTime])).toEqual([
      ['A', day(3)],
      ['B', day(4)],
    ]);
  });
});
