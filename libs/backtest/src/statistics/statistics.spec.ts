import { dailyEquity, dailyReturns } from './daily-equity.js';
import { maxDrawdown } from './max-drawdown.js';
import { sharpeRatio, sortinoRatio } from './risk-adjusted-return.js';

const at = (day: number, hour = 0): number => Date.UTC(2026, 0, 1 + day, hour);

describe('maxDrawdown', () => {
  it('finds the deepest fall from a running peak, not the largest amount', () => {
    const drawdown = maxDrawdown([
      { time: 1, equity: 100 },
      { time: 2, equity: 80 }, // -20 %
      { time: 3, equity: 200 },
      { time: 4, equity: 170 }, // -15 %, a larger amount but a smaller fraction
      { time: 5, equity: 210 },
    ]);
    expect(drawdown).toEqual({ amount: 20, fraction: 0.2, peakTime: 1, troughTime: 2 });
  });

  it('is zero for a curve that never falls, and for no points', () => {
    expect(
      maxDrawdown([
        { time: 1, equity: 1 },
        { time: 2, equity: 2 },
      ]).fraction,
    ).toBe(0);
    expect(maxDrawdown([])).toEqual({ amount: 0, fraction: 0, peakTime: null, troughTime: null });
  });
});

describe('dailyEquity', () => {
  it('closes each UTC day on its last point and opens it on the previous close', () => {
    const days = dailyEquity([
      { time: at(0, 1), equity: 100 },
      { time: at(0, 23), equity: 110 },
      { time: at(2, 5), equity: 99 },
      { time: at(2, 6), equity: 121 },
    ]);
    expect(days).toEqual([
      { day: '2026-01-01', open: 100, close: 110 },
      { day: '2026-01-03', open: 110, close: 121 },
    ]);
    expect(dailyReturns(days).map((value) => value.toFixed(4))).toEqual(['0.1000', '0.1000']);
  });
});

describe('sharpeRatio and sortinoRatio', () => {
  const returns = [0.01, -0.02, 0.03, 0.005];

  it('annualize the mean over the (downside) deviation', () => {
    // mean 0.00625; squared deviations sum to 0.00126875 (sample sd over n-1 = 3);
    // downside deviation sqrt(0.0004 / 4) = 0.01
    expect(sharpeRatio(returns, 365)).toBeCloseTo((0.00625 / Math.sqrt(0.00126875 / 3)) * Math.sqrt(365), 9);
    expect(sortinoRatio(returns, 252)).toBeCloseTo((0.00625 / 0.01) * Math.sqrt(252), 9);
  });

  it('are null when undefined: too few returns, no variation, no losing period', () => {
    expect(sharpeRatio([0.01], 365)).toBeNull();
    expect(sharpeRatio([0.01, 0.01, 0.01], 365)).toBeNull();
    expect(sortinoRatio([0.01, 0.02], 365)).toBeNull();
  });

  it('keeps the sign of the mean: a losing record has a negative ratio', () => {
    expect(sharpeRatio([-0.01, -0.03, 0.005], 365)).toBeLessThan(0);
    expect(sortinoRatio([-0.01, -0.03, 0.005], 365)).toBeLessThan(0);
  });
});
