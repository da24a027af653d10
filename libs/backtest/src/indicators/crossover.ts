import { isNotANumber } from './bound-globals.js';

/**
 * backtrader's `bt.ind.CrossOver(a, b)`, bar by bar: +1 when `a` crosses above `b`, -1 when it crosses
 * below, else 0. Like backtrader's NonZeroDifference it remembers the last non-zero `a - b`, so touching
 * and then leaving (a difference of -1, 0, +1) counts as one cross on the bar `a` gets above, while touching
 * and returning (-1, 0, -1) counts as none. A bar where either input is NaN (an indicator still warming up)
 * returns 0 and leaves the memory alone: backtrader never feeds CrossOver such bars, as its minimum period
 * waits for both inputs, and the first bar with both values only seeds the difference, as its nextstart does.
 */
export class Crossover {
  private lastNonZeroDifference = 0;
  private current = 0;

  /** The result of the last update: +1, -1 or 0. */
  get value(): number {
    return this.current;
  }

  update(a: number, b: number): number {
    if (isNotANumber(a) || isNotANumber(b)) {
      this.current = 0;
      return 0;
    }
    const before = this.lastNonZeroDifference;
    if (a < b && before > 0) this.current = -1;
    else if (a > b && before < 0) this.current = 1;
    else this.current = 0;
    const difference = a - b;
    if (difference !== 0) this.lastNonZeroDifference = difference;
    return this.current;
  }
}
