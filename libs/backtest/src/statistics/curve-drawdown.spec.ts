import { curveDrawdown, drawdownSeries } from './curve-drawdown.js';
import { maxDrawdown } from './max-drawdown.js';

const HOUR = 3_600_000;
const curve = (...values: number[]): Float64Array => Float64Array.from(values);

describe('drawdownSeries', () => {
  it('is the fraction below the running peak after each bar', () => {
    // Peak 100, then 110 from bar 1 until bar 5 makes 117.612 the new peak:
    // bar 2: (110 − 99) / 110 = 0.1; bar 3: (110 − 108.9) / 110 = 0.01; bar 4: (110 − 98.01) / 110 = 0.109.
    const series = drawdownSeries(curve(100, 110, 99, 108.9, 98.01, 117.612));
    const expected = [0, 0, 0.1, 0.01, 0.109, 0];
    expect(series).toHaveLength(expected.length);
    expected.forEach((value, i) => expect(series[i]).toBeCloseTo(value, 12));
  });

  it('is empty for no bars and 0 for a flat curve', () => {
    expect(drawdownSeries(curve())).toHaveLength(0);
    expect(Array.from(drawdownSeries(curve(5, 5, 5)))).toEqual([0, 0, 0]);
  });
});

describe('curveDrawdown', () => {
  it('takes the deepest fraction, and the longest time under water including a stretch still open', () => {
    // Stretch 1: peak 100 at bar 0, low 90 (10 %), back to 100 at bar 3: 3 bars, 3 h.
    // Stretch 2: peak 120 at bar 4, low 100 at bar 6 (20 / 120 = 16.67 %), still open at the end:
    // bar 4 (4 h) to bar 6 (48 h) is 2 bars but 44 h, so it is the longest despite fewer bars.
    const time = curve(0, HOUR, 2 * HOUR, 3 * HOUR, 4 * HOUR, 24 * HOUR, 48 * HOUR);
    const drawdown = curveDrawdown(time, curve(100, 90, 95, 100, 120, 110, 100));
    expect(drawdown.fraction).toBeCloseTo(20 / 120, 12);
    expect(drawdown).toMatchObject({ amount: 20, peakIndex: 4, troughIndex: 6 });
    expect(drawdown).toMatchObject({ durationMs: 44 * HOUR, durationBars: 2 });
  });

  it('counts a stretch from the last bar at the peak, and breaks equal times by bars', () => {
    // 100, 100, 90, 100: the fall is measured from the first 100 (bar 0) but the time under water starts at
    // bar 1, where equity was last at the peak, and ends at bar 3: 2 bars. Times are all 0, so ms ties at 0.
    const drawdown = curveDrawdown(curve(0, 0, 0, 0), curve(100, 100, 90, 100));
    expect(drawdown).toEqual({
      amount: 10,
      fraction: 0.1,
      peakIndex: 0,
      troughIndex: 2,
      durationMs: 0,
      durationBars: 2,
    });
  });

  it('is zero for a rising curve, a single bar and no bars', () => {
    const zero = {
      amount: 0,
      fraction: 0,
      peakIndex: null,
      troughIndex: null,
      durationMs: 0,
      durationBars: 0,
    };
    expect(curveDrawdown(curve(1, 2, 3), curve(10, 11, 12))).toEqual(zero);
    expect(curveDrawdown(curve(1), curve(10))).toEqual(zero);
    expect(curveDrawdown(curve(), curve())).toEqual(zero);
  });

  it('gives maxDrawdown (GET /performance) the same answer on points', () => {
    const time = [1, 2, 3, 4, 5];
    const equity = [100, 80, 200, 170, 210];
    const typed = curveDrawdown(Float64Array.from(time), Float64Array.from(equity));
    const points = maxDrawdown(time.map((at, i) => ({ time: at, equity: equity[i] as number })));
    expect(points).toEqual({ amount: typed.amount, fraction: typed.fraction, peakTime: 1, troughTime: 2 });
  });
});
