import { BarBuilder, type ClosedBar, type Tick } from './bar-builder.js';

const MINUTE = 60_000;
// 2024-01-01T00:00:00Z, a minute boundary.
const T0 = 1_704_067_200_000;

function feed(builder: BarBuilder, ticks: readonly Tick[]): ClosedBar[] {
  return ticks.flatMap((tick) => builder.onTick(tick));
}

describe('BarBuilder', () => {
  it('builds OHLCV from the ticks of one bucket and closes it on the first tick of the next', () => {
    const builder = new BarBuilder(MINUTE);
    const closed = feed(builder, [
      { price: 100, size: 2, timeMs: T0 + 1_000 },
      { price: 104, size: 1, timeMs: T0 + 10_000 },
      { price: 98, size: 3, timeMs: T0 + 20_000 },
      { price: 101, size: 4, timeMs: T0 + 59_999 },
    ]);
    expect(closed).toEqual([]);
    expect(builder.current).toEqual({ time: T0, open: 100, high: 104, low: 98, close: 101, volume: 10 });

    expect(builder.onTick({ price: 102, size: 1, timeMs: T0 + MINUTE + 5 })).toEqual([
      { time: T0, open: 100, high: 104, low: 98, close: 101, volume: 10 },
    ]);
    expect(builder.current).toEqual({
      time: T0 + MINUTE,
      open: 102,
      high: 102,
      low: 102,
      close: 102,
      volume: 1,
    });
  });

  it('puts a tick exactly at a bucket start into the new bar, and one a millisecond before into the old', () => {
    const builder = new BarBuilder(MINUTE);
    builder.onTick({ price: 100, timeMs: T0 });
    expect(builder.onTick({ price: 101, timeMs: T0 + MINUTE - 1 })).toEqual([]);
    const [closed] = builder.onTick({ price: 200, timeMs: T0 + MINUTE });
    expect(closed).toMatchObject({ time: T0, close: 101 });
    expect(builder.current).toMatchObject({ time: T0 + MINUTE, open: 200 });
  });

  it('aligns bars to the UTC epoch whatever time the first tick comes', () => {
    const builder = new BarBuilder(5 * MINUTE);
    builder.onTick({ price: 10, timeMs: T0 + 7 * MINUTE + 31_000 });
    expect(builder.current?.time).toBe(T0 + 5 * MINUTE);
  });

  it('gives volume 0 when the feed sends prices without sizes', () => {
    const builder = new BarBuilder(MINUTE);
    feed(builder, [
      { price: 10, timeMs: T0 },
      { price: 11, timeMs: T0 + 1 },
    ]);
    expect(builder.current?.volume).toBe(0);
  });

  it('skips buckets without ticks instead of filling them with flat bars', () => {
    const builder = new BarBuilder(MINUTE);
    const closed = feed(builder, [
      { price: 100, timeMs: T0 + 30_000 },
      { price: 105, timeMs: T0 + 4 * MINUTE + 1 },
      { price: 106, timeMs: T0 + 5 * MINUTE },
    ]);
    expect(closed.map((bar) => bar.time)).toEqual([T0, T0 + 4 * MINUTE]);
    expect(closed[1]).toEqual({
      time: T0 + 4 * MINUTE,
      open: 105,
      high: 105,
      low: 105,
      close: 105,
      volume: 0,
    });
  });

  it('produces no bar at all from the clock alone', () => {
    const builder = new BarBuilder(MINUTE);
    for (let minute = 1; minute <= 10; minute += 1) expect(builder.onClock(T0 + minute * MINUTE)).toEqual([]);
    expect(builder.current).toBeNull();
  });

  it('closes the bar on the clock once its end has passed, without waiting for another tick', () => {
    const builder = new BarBuilder(MINUTE);
    builder.onTick({ price: 100, size: 1, timeMs: T0 + 1_000 });
    expect(builder.onClock(T0 + MINUTE - 1)).toEqual([]);
    expect(builder.onClock(T0 + MINUTE)).toEqual([
      { time: T0, open: 100, high: 100, low: 100, close: 100, volume: 1 },
    ]);
    expect(builder.current).toBeNull();
    // Closed once: a later clock beat does not repeat it.
    expect(builder.onClock(T0 + 2 * MINUTE)).toEqual([]);
  });

  it('drops and counts a tick for a bar the clock already closed', () => {
    const builder = new BarBuilder(MINUTE);
    builder.onTick({ price: 100, timeMs: T0 });
    builder.onClock(T0 + MINUTE);
    expect(builder.onTick({ price: 999, timeMs: T0 + 59_000 })).toEqual([]);
    expect(builder.droppedLateTicks).toBe(1);
    expect(builder.current).toBeNull();
  });

  it('keeps the bar open through the grace so a delayed tick still counts', () => {
    const builder = new BarBuilder(MINUTE, { graceMs: 2_000 });
    builder.onTick({ price: 100, size: 1, timeMs: T0 });
    expect(builder.onClock(T0 + MINUTE + 1_999)).toEqual([]);
    builder.onTick({ price: 103, size: 1, timeMs: T0 + 59_500 });
    const closed = builder.onClock(T0 + MINUTE + 2_000);
    expect(closed).toEqual([{ time: T0, open: 100, high: 103, low: 100, close: 103, volume: 2 }]);
    expect(builder.droppedLateTicks).toBe(0);
  });

  it('drops a tick arriving after the grace for a bucket that never had a bar', () => {
    const builder = new BarBuilder(MINUTE, { graceMs: 1_000 });
    builder.onClock(T0 + MINUTE + 1_000);
    builder.onTick({ price: 100, timeMs: T0 + 30_000 });
    expect(builder.current).toBeNull();
    expect(builder.droppedLateTicks).toBe(1);
    // The bucket still open by the clock takes ticks.
    builder.onTick({ price: 101, timeMs: T0 + MINUTE + 500 });
    expect(builder.current).toMatchObject({ time: T0 + MINUTE, close: 101 });
  });

  it('still closes a bar in grace as soon as a tick of the next bucket comes', () => {
    const builder = new BarBuilder(MINUTE, { graceMs: 5_000 });
    builder.onTick({ price: 100, timeMs: T0 });
    builder.onClock(T0 + MINUTE + 1_000);
    expect(builder.onTick({ price: 101, timeMs: T0 + MINUTE + 900 })).toMatchObject([
      { time: T0, close: 100 },
    ]);
    builder.onTick({ price: 50, timeMs: T0 + 59_000 });
    expect(builder.droppedLateTicks).toBe(1);
    expect(builder.current).toMatchObject({ time: T0 + MINUTE, low: 101 });
  });

  it('ignores, and counts, ticks older than the bar in progress', () => {
    const builder = new BarBuilder(MINUTE);
    feed(builder, [
      { price: 100, timeMs: T0 },
      { price: 101, timeMs: T0 + MINUTE },
    ]);
    const closed = feed(builder, [
      { price: 1, size: 100, timeMs: T0 + 30_000 },
      { price: 2, size: 100, timeMs: T0 - 5 * MINUTE },
    ]);
    expect(closed).toEqual([]);
    expect(builder.droppedLateTicks).toBe(2);
    expect(builder.current).toEqual({
      time: T0 + MINUTE,
      open: 101,
      high: 101,
      low: 101,
      close: 101,
      volume: 0,
    });
  });

  it('orders out-of-order ticks within a bar by their time for open and close', () => {
    const builder = new BarBuilder(MINUTE);
    feed(builder, [
      { price: 100, size: 1, timeMs: T0 + 20_000 },
      { price: 90, size: 1, timeMs: T0 + 5_000 },
      { price: 110, size: 1, timeMs: T0 + 50_000 },
      { price: 105, size: 1, timeMs: T0 + 40_000 },
    ]);
    expect(builder.current).toEqual({ time: T0, open: 90, high: 110, low: 90, close: 110, volume: 4 });
    expect(builder.droppedLateTicks).toBe(0);
  });

  it('takes the last arrival as the close when ticks share a millisecond', () => {
    const builder = new BarBuilder(MINUTE);
    feed(builder, [
      { price: 100, timeMs: T0 + 1 },
      { price: 101, timeMs: T0 + 1 },
    ]);
    expect(builder.current).toMatchObject({ open: 100, close: 101 });
  });

  it.each([
    ['zero price', { price: 0, timeMs: T0 + 1 }],
    ['negative price', { price: -5, timeMs: T0 + 1 }],
    ['NaN price', { price: Number.NaN, timeMs: T0 + 1 }],
    ['infinite price', { price: Number.POSITIVE_INFINITY, timeMs: T0 + 1 }],
    ['negative size', { price: 100, size: -1, timeMs: T0 + 1 }],
    ['NaN size', { price: 100, size: Number.NaN, timeMs: T0 + 1 }],
    ['NaN time', { price: 100, timeMs: Number.NaN }],
  ])('ignores a tick with a %s', (_, tick: Tick) => {
    const builder = new BarBuilder(MINUTE);
    builder.onTick({ price: 50, size: 1, timeMs: T0 });
    expect(builder.onTick(tick)).toEqual([]);
    expect(builder.current).toEqual({ time: T0, open: 50, high: 50, low: 50, close: 50, volume: 1 });
    expect(builder.droppedInvalidTicks).toBe(1);
  });

  it('opens no bar from a bad tick alone', () => {
    const builder = new BarBuilder(MINUTE);
    builder.onTick({ price: 0, timeMs: T0 });
    expect(builder.current).toBeNull();
    expect(builder.onClock(T0 + 10 * MINUTE)).toEqual([]);
  });

  it('after seed, skips ticks the warm-up history covers and builds from the next bucket', () => {
    const builder = new BarBuilder(MINUTE);
    builder.seed(T0 + MINUTE);
    const closed = feed(builder, [
      { price: 1, size: 5, timeMs: T0 + 30_000 },
      { price: 2, size: 5, timeMs: T0 + MINUTE },
      { price: 3, size: 5, timeMs: T0 + 2 * MINUTE - 1 },
      { price: 100, size: 1, timeMs: T0 + 2 * MINUTE },
    ]);
    expect(closed).toEqual([]);
    expect(builder.skippedSeededTicks).toBe(3);
    expect(builder.droppedLateTicks).toBe(0);
    expect(builder.current).toEqual({
      time: T0 + 2 * MINUTE,
      open: 100,
      high: 100,
      low: 100,
      close: 100,
      volume: 1,
    });
  });

  it('seeding drops a bar in progress the history already covers', () => {
    const builder = new BarBuilder(MINUTE);
    builder.onTick({ price: 100, timeMs: T0 + 1_000 });
    builder.seed(T0);
    expect(builder.current).toBeNull();
    expect(builder.onClock(T0 + 5 * MINUTE)).toEqual([]);
  });

  it('produces strictly increasing bar times over a long noisy feed', () => {
    const builder = new BarBuilder(MINUTE, { graceMs: 500 });
    const closed: ClosedBar[] = [];
    let seed = 7;
    const random = (): number => (seed = (seed * 16_807) % 2_147_483_647) / 2_147_483_647;
    for (let step = 0; step < 5_000; step += 1) {
      const now = T0 + step * 1_700;
      // Ticks arrive up to 3 s late, some out of order.
      closed.push(...builder.onTick({ price: 100 + random(), size: 1, timeMs: now - random() * 3_000 }));
      closed.push(...builder.onClock(now));
    }
    expect(closed.length).toBeGreaterThan(100);
    for (let index = 1; index < closed.length; index += 1)
      expect(closed[index]!.time).toBeGreaterThan(closed[index - 1]!.time);
    const counted = closed.reduce((sum, bar) => sum + bar.volume, 0) + (builder.current?.volume ?? 0);
    expect(counted + builder.droppedLateTicks).toBe(5_000);
  });

  it('refuses a timeframe or grace that cannot make bars', () => {
    expect(() => new BarBuilder(0)).toThrow(RangeError);
    expect(() => new BarBuilder(1.5)).toThrow(RangeError);
    expect(() => new BarBuilder(MINUTE, { graceMs: -1 })).toThrow(RangeError);
    expect(() => new BarBuilder(MINUTE, { graceMs: MINUTE })).toThrow(RangeError);
  });
});
