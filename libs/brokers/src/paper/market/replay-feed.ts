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
  private index = 0;

  constructor(candles: readonly ReplayCandle[], tickSize: Big, floor: Big) {
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
