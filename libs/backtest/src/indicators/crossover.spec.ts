import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { loadFixtureSeries } from '../testing/market-data-fixture.js';
import { Crossover } from './crossover.js';
import { Sma } from './sma.js';

function crossings(pairs: readonly (readonly [number, number])[]): number[] {
  const lines = { a: { value: Number.NaN }, b: { value: Number.NaN } };
  const crossover = new Crossover(lines.a, lines.b);
  return pairs.map(([a, b]) => {
    lines.a.value = a;
    lines.b.value = b;
    return crossover.update();
  });
}

interface ReferenceTrade {
  readonly open: string;
  readonly close: string;
}

describe('Crossover', () => {
  it('signals +1 on the bar a gets above b and -1 on the bar it gets below', () => {
    expect(
      crossings([
        [1, 2],
        [3, 2],
        [4, 2],
        [1, 2],
        [0, 2],
      ]),
    ).toEqual([0, 1, 0, -1, 0]);
  });

  it('carries the last non-zero difference across bars where a equals b', () => {
    // Below, touching, above: one cross up, on the bar a gets above.
    expect(
      crossings([
        [1, 2],
        [2, 2],
        [2, 2],
        [3, 2],
      ]),
    ).toEqual([0, 0, 0, 1]);
    // Below, touching, below again: no cross.
    expect(
      crossings([
        [1, 2],
        [2, 2],
        [1, 2],
      ]),
    ).toEqual([0, 0, 0]);
    // Above, touching, below: one cross down.
    expect(
      crossings([
        [3, 2],
        [2, 2],
        [1, 2],
      ]),
    ).toEqual([0, 0, -1]);
  });

  it('has no cross until a non-zero difference was seen', () => {
    // backtrader seeds its NonZeroDifference with the first difference, here zero.
    expect(
      crossings([
        [2, 2],
        [3, 2],
        [1, 2],
      ]),
    ).toEqual([0, 0, -1]);
  });

  it('returns 0 while an input is NaN and keeps its memory through such bars', () => {
    expect(
      crossings([
        [NaN, 2],
        [NaN, NaN],
        [1, 2],
        [NaN, 2],
        [3, 2],
      ]),
    ).toEqual([0, 0, 0, 0, 1]);
  });

  it("marks the same GOOG SMA(10)/SMA(30) crossings as backtrader's trades in the reference run", () => {
    const series = loadFixtureSeries('GOOG');
    const reference = JSON.parse(
      readFileSync(
        fileURLToPath(
          new URL('../../../../test/fixtures/market-data/GOOG.sma-10-30.reference.json', import.meta.url),
        ),
        'utf8',
      ),
    ) as { trades: ReferenceTrade[] };
    const fast = new Sma(10);
    const slow = new Sma(30);
    const crossover = new Crossover(fast, slow);
    const day = (index: number) => new Date(series.time[index]!).toISOString().slice(0, 10);
    // The reference rule: long-only, buy on +1 and sell on -1, filled at the next bar's open.
    const trades: ReferenceTrade[] = [];
    let entry: string | undefined;
    for (let index = 0; index + 1 < series.length; index++) {
      fast.update(series.close[index]!);
      slow.update(series.close[index]!);
      const cross = crossover.update();
      if (cross === 1 && entry === undefined) entry = day(index + 1);
      else if (cross === -1 && entry !== undefined) {
        trades.push({ open: entry, close: day(index + 1) });
        entry = undefined;
      }
    }
    expect(trades).toEqual(reference.trades.map(({ open, close }) => ({ open, close })));
  });
});
