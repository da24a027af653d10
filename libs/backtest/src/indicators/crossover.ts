import { isNotANumber } from './bound-globals.js';

/**
 * backtrader's `bt.ind.CrossOver(a, b)`, bar by bar: +1 when `a` crosses above `b`, -1 when it crosses
 * below, else 0. Like backtrader's NonZeroDifference it remembers the last non-zero `a - b`, so touching
 * and then leaving (a difference of -1, 0, +1) counts as one cross on the bar `a` gets above, while touching
 * and returning (-1, 0, -1) counts as none. A bar where either input is NaN (an indicator still warming up)
 * returns 0 and leaves the memory alone: backtrader never feeds CrossOver such bars, as its minimum period
 * waits for both inputs, and the first bar with both values only seeds the difference, as its nextstart does.
 *
 * It holds its two lines and reads them itself rather than taking two numbers: numbers passed to a call the
 * optimizer does not inline are boxed on the heap, and a strategy calls this on every bar.
 */
export class Crossover {
  private lastNonZeroDifference = 0;
  private current = 0;

  constructor(
    private readonly a: { readonly value: number },
    private readonly b: { readonly value: number },
  ) {}

  /** The result of the last update: +1, -1 or 0. */
  get value(): number {
    return this.current;
  }

  /** Reads both lines (after they took this bar) and returns +1, -1 or 0. */
  update(): number {
    const a = this.a.value;
    const b = this.b.value;
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
