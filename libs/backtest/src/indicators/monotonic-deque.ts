import { NOT_A_NUMBER } from './bound-globals.js';

/**
 * The extreme of the last `period` values in amortized O(1): a deque of the values that could still become
 * the extreme, kept in a ring of `period` slots. A newcomer evicts from the back every older value it beats
 * (those can never be the extreme again while it is in the window), and the front leaves once it is older
 * than the window; each value enters and leaves once. Ties evict the older value, so the kept one lasts
 * longest.
 */
export class MonotonicDeque {
  private readonly values: Float64Array;
  /** The push count of each held value; doubles count exactly far past any number of bars. */
  private readonly positions: Float64Array;
  private head = 0;
  private size = 0;
  private pushes = 0;

  constructor(
    readonly period: number,
    private readonly keeps: 'maximum' | 'minimum',
  ) {
    this.values = new Float64Array(period);
    this.positions = new Float64Array(period);
  }

  /** Whether a full window has been seen. */
  get isFull(): boolean {
    return this.pushes >= this.period;
  }

  /** The extreme of the values pushed within the last `period` pushes; NaN before the first push. */
  get extreme(): number {
    return this.size === 0 ? NOT_A_NUMBER : this.values[this.head]!;
  }

  push(value: number): number {
    const position = this.pushes++;
    // Expire the front first, so that with the newcomer at most `period` slots are in use.
    while (this.size > 0 && this.positions[this.head]! <= position - this.period) {
      this.head = (this.head + 1) % this.period;
      this.size--;
    }
    while (this.size > 0 && this.isBeatenBy(this.values[(this.head + this.size - 1) % this.period]!, value)) {
      this.size--;
    }
    const tail = (this.head + this.size) % this.period;
    this.values[tail] = value;
    this.positions[tail] = position;
    this.size++;
    return this.values[this.head]!;
  }

  private isBeatenBy(held: number, newcomer: number): boolean {
    return this.keeps === 'maximum' ? held <= newcomer : held >= newcomer;
  }
}
