import { NOT_A_NUMBER } from './bound-globals.js';

/** The last `capacity` values, oldest first by `at(0)`; allocated once, so pushing never allocates. */
export class RingBuffer {
  private readonly values: Float64Array;
  private next = 0;
  private count = 0;

  constructor(readonly capacity: number) {
    this.values = new Float64Array(capacity);
  }

  get length(): number {
    return this.count;
  }

  get isFull(): boolean {
    return this.count === this.capacity;
  }

  /** Stores `value` and returns the value it pushed out of the window (NaN while the buffer fills). */
  push(value: number): number {
    const evicted = this.isFull ? this.values[this.next]! : NOT_A_NUMBER;
    this.values[this.next] = value;
    this.next = this.next + 1 === this.capacity ? 0 : this.next + 1;
    if (this.count < this.capacity) this.count++;
    return evicted;
  }

  /** `at(0)` is the oldest value held, `at(length - 1)` the newest. */
  at(index: number): number {
    const start = this.isFull ? this.next : 0;
    return this.values[(start + index) % this.capacity]!;
  }
}
