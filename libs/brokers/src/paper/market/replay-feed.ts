import type Big from 'big.js';
import { roundToStep } from '../../decimal/index.js';
import type { ReplayCandle } from './csv-candles.js';
import type { PriceSource } from './price-source.js';

/**
 * Replays candles as prices: each tick moves one step along a candle's path, open → low → high → close for
 * a rising candle and open → high → low → close for a falling one (the usual assumption when only OHLC is
 * known), then on to the next candle, looping at the end of the file.
 */
export class ReplayFeed implements PriceSource {
  private readonly path: readonly Big[];
  private readonly times: readonly number[];
  private index = 0;

  constructor(candles: readonly ReplayCandle[], tickSize: Big, floor: Big) {
    // A quarter of the shortest gap between candles: the four steps of a candle stay inside it even
    // where the file skips time (a weekend between two daily bars).
    const step = shortestGap(candles) / 4;
    this.times = candles.flatMap((candle) => [0, 1, 2, 3].map((phase) => candle.timeMs + phase * step));
    this.path = candles
      .flatMap((candle) =>
        candle.close.gte(candle.open)
          ? [candle.open, candle.low, candle.high, candle.close]
          : [candle.open, candle.high, candle.low, candle.close],
      )
      .map((price) => {
        const rounded = roundToStep(price, tickSize, 'nearest');
        return rounded.lt(floor) ? floor : rounded;
      });
    if (this.path.length === 0) throw new Error('replay needs at least one candle');
  }

  get current(): Big {
    return this.at(this.index);
  }

  /** The file's time of the current step: its candle's open plus a quarter bar per step along the path. */
  get currentTimeMs(): number {
    return this.times[this.index]!;
  }

  /** Number of prices in one pass over the file. */
  get length(): number {
    return this.path.length;
  }

  next(): Big {
    this.index = (this.index + 1) % this.path.length;
    return this.at(this.index);
  }

  /** A replay follows its file: a manual quote is a one-off and the next tick resumes the file. */
  moveTo(): void {}

  private at(index: number): Big {
    const price = this.path[index];
    if (price === undefined) throw new Error(`replay index ${index} out of range`);
    return price;
  }
}

function shortestGap(candles: readonly ReplayCandle[]): number {
  let shortest = Number.POSITIVE_INFINITY;
  for (let index = 1; index < candles.length; index += 1) {
    const gap = candles[index]!.timeMs - candles[index - 1]!.timeMs;
    if (gap > 0 && gap < shortest) shortest = gap;
  }
  // One candle alone: a minute, the shortest bar any source here gives.
  return Number.isFinite(shortest) ? shortest : 60_000;
}
