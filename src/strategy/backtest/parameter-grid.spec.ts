import { SMA_CROSSOVER } from '#backtest/strategies/index.js';
import type { StrategyDefinition } from '#backtest/strategy/strategy.js';
import { UnprocessableError, ValidationFailedError } from '../../common/errors/app-error.js';
import { expandGrid } from './parameter-grid.js';

const sma = SMA_CROSSOVER as unknown as StrategyDefinition;

describe('expandGrid', () => {
  it('runs every combination the strategy accepts, skipping pairs it refuses (fast >= slow)', () => {
    const { combinations } = expandGrid(sma, {}, { fast: [5, 10, 20], slow: [10, 30] }, 100);
    expect(combinations.map(({ fast, slow }) => [fast, slow])).toEqual([
      [5, 10],
      [5, 30],
      [10, 30],
      [20, 30],
    ]);
  });

  it('refuses a grid over the limit with 422 before checking any value', () => {
    const values = Array.from({ length: 50 }, (_, index) => index);
    expect(() => expandGrid(sma, {}, { fast: values, slow: values }, 2000)).toThrow(UnprocessableError);
    expect(() => expandGrid(sma, {}, { fast: values, slow: values }, 2000)).toThrow('2500 combinations');
  });

  it('names a bad value, a parameter given twice and an empty list as 400s', () => {
    expect(() => expandGrid(sma, {}, { fast: [5, 'x'] }, 100)).toThrow(/grid\.fast/);
    expect(() => expandGrid(sma, { fast: 5 }, { fast: [5] }, 100)).toThrow(ValidationFailedError);
    expect(() => expandGrid(sma, {}, { slow: [] }, 100)).toThrow('grid.slow must be a non-empty list');
    // Every combination refused as a pair: the strategy's reason, naming the parameter.
    expect(() => expandGrid(sma, {}, { fast: [50], slow: [10] }, 100)).toThrow(/grid\.fast/);
  });
});
