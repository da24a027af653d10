import { allocateBarSeries } from '../data/bar-series.js';
import { InsufficientBarsError } from '../strategy/strategy-errors.js';
import { flatBars, scripted, settings } from '../testing/engine-fixtures.js';
import { CANCEL_CHECK_EVERY, runBacktest } from './run-backtest.js';

/** `length` flat bars at 100, one a minute; the loop checks for a cancel every CANCEL_CHECK_EVERY steps. */
function longSeries(length: number) {
  const series = allocateBarSeries('TEST', length);
  for (let bar = 0; bar < length; bar += 1) {
    series.time[bar] = bar * 60_000;
    series.open[bar] = series.high[bar] = series.low[bar] = series.close[bar] = 100;
  }
  return series;
}

describe('a backtest run', () => {
  it('stops early and reports cancelled when isCancelled answers true', () => {
    // A few more bars than one check interval: the first check, where it stops, is at CANCEL_CHECK_EVERY.
    const length = CANCEL_CHECK_EVERY + 1000;
    const { definition } = scripted((context, step) => {
      if (step === 0) context.buy(10);
    });
    const progress: number[] = [];
    const result = runBacktest(definition, {}, [longSeries(length)], settings(), {
      isCancelled: () => true,
      onProgress: (fraction) => progress.push(fraction),
    });
    expect(result.cancelled).toBe(true);
    expect(result.bars).toBe(CANCEL_CHECK_EVERY);
    expect(result.equity.equity).toHaveLength(CANCEL_CHECK_EVERY);
    expect(progress.at(-1)).toBeCloseTo(CANCEL_CHECK_EVERY / length, 12);
    // The open position is still reported, marked at the last bar run.
    expect(result.trades).toEqual([
      expect.objectContaining({ open: true, exitTime: (CANCEL_CHECK_EVERY - 1) * 60_000 }),
    ]);
  });

  it('runs every bar and reports progress 1 when not cancelled', () => {
    const { definition } = scripted(() => undefined);
    const progress: number[] = [];
    const result = runBacktest(definition, {}, [flatBars([100, 101, 102])], settings(), {
      isCancelled: () => true,
      onProgress: (fraction) => progress.push(fraction),
    });
    // 3 bars never reach a check.
    expect(result).toMatchObject({ cancelled: false, bars: 3 });
    expect(progress).toEqual([1]);
  });

  it('refuses bars that do not cover the warm-up with InsufficientBarsError', () => {
    const { definition } = scripted(() => undefined, { warmup: 3 });
    const run = (length: number) =>
      runBacktest(definition, {}, [flatBars(Array.from({ length }, () => 100))], settings());
    // 3 bars ≤ warm-up 3: nothing would be left to trade on.
    expect(() => run(3)).toThrow(InsufficientBarsError);
    expect(() => run(3)).toThrow('The range holds 3 bars but the strategy needs more than 3 to warm up');
    expect(() => run(0)).toThrow('No bars in the range: nothing to backtest');
    expect(run(4).bars).toBe(4);
  });

  it('refuses when the shortest of several series does not cover the warm-up', () => {
    const { definition } = scripted(() => undefined, { warmup: 2 });
    const short = flatBars([100, 100], 'B');
    let error: unknown;
    try {
      runBacktest(definition, {}, [flatBars([1, 2, 3, 4, 5]), short], settings());
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InsufficientBarsError);
    expect(error).toMatchObject({ bars: 2, required: 2 });
  });
});
