import type Big from 'big.js';
import { roundToStep } from '../../decimal/index.js';
import type { PriceSource } from './price-source.js';
import type { SeededRandom } from './seeded-random.js';

/**
 * Geometric random walk: each tick multiplies the price by exp(volatility × N(0,1)). Only the log
 * return is a float; the price itself is a decimal rounded to the tick, so it never drifts off the grid.
 */
export class RandomWalk implements PriceSource {
  readonly currentTimeMs = null;
  private price: Big;

  constructor(
    start: Big,
    private readonly tickSize: Big,
    private readonly volatility: number,
    private readonly floor: Big,
    private readonly random: SeededRandom,
  ) {
    this.price = this.clamp(roundToStep(start, tickSize, 'nearest'));
  }

  get current(): Big {
    return this.price;
  }

  next(): Big {
    const factor = Math.exp(this.volatility * this.random.gaussian());
    this.price = this.clamp(roundToStep(this.price.times(factor), this.tickSize, 'nearest'));
    return this.price;
  }

  moveTo(price: Big): void {
    this.price = this.clamp(roundToStep(price, this.tickSize, 'nearest'));
  }

  private clamp(price: Big): Big {
    return price.lt(this.floor) ? this.floor : price;
  }
}
