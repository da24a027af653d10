import type { ParameterValues } from '#backtest/strategy/parameter-schema.js';
import { resolveParameters } from '#backtest/strategy/resolve-parameters.js';
import { StrategyParameterError } from '#backtest/strategy/strategy-errors.js';
import type { StrategyDefinition } from '#backtest/strategy/strategy.js';
import { UnprocessableError, ValidationFailedError } from '../../common/errors/app-error.js';
import { asValidationError } from '../catalog/parameter-error.js';
import type { ParameterGrid } from './backtest-record.js';

/**
 * Every combination of a sweep's grid, resolved against the strategy (each value checked on its own first,
 * so a mistyped or out-of-range value is a 400 naming it). A combination the strategy refuses as a whole
 * (its own cross-parameter rule, say fast >= slow) is left out, as a sweep over two ranges usually has some;
 * a grid none of whose combinations is acceptable is a 400. Larger than `limit` is a 422, counted before
 * anything is expanded.
 */
export function expandGrid(
  definition: StrategyDefinition,
  fixed: Readonly<Record<string, unknown>>,
  grid: Readonly<Record<string, unknown>>,
  limit: number,
): { grid: ParameterGrid; combinations: ParameterValues[] } {
  const names = Object.keys(grid);
  if (names.length === 0) throw gridError('grid', 'grid must name at least one parameter');
  const unchecked = { ...definition, check: undefined };
  let count = 1;
  for (const name of names) {
    const values: unknown = grid[name];
    if (!Array.isArray(values) || values.length === 0)
      throw gridError(`grid.${name}`, `grid.${name} must be a non-empty list of values`);
    if (Object.hasOwn(fixed, name))
      throw gridError(`grid.${name}`, `${name} is both in parameters and in grid: give it in one of them`);
    count *= values.length;
  }
  // Counted before any value is checked: an oversized grid costs nothing to refuse.
  if (count > limit) {
    throw new UnprocessableError(
      `The grid has ${count} combinations, more than the limit of ${limit} (backtest.maxGridCombinations)`,
      { combinations: count, limit },
    );
  }
  for (const name of names) {
    for (const value of grid[name] as unknown[])
      asValidationError('grid', () => resolveParameters(unchecked, { ...fixed, [name]: value }));
  }
  const combinations: ParameterValues[] = [];
  let firstRefusal: StrategyParameterError | undefined;
  for (const point of cartesian(names, grid as ParameterGrid)) {
    try {
      combinations.push(resolveParameters(definition, { ...fixed, ...point }));
    } catch (error) {
      if (!(error instanceof StrategyParameterError)) throw error;
      firstRefusal ??= error;
    }
  }
  if (combinations.length === 0 && firstRefusal)
    asValidationError('grid', () => {
      throw firstRefusal;
    });
  return { grid: grid as ParameterGrid, combinations };
}

function* cartesian(names: readonly string[], grid: ParameterGrid): Generator<Record<string, unknown>> {
  const [first, ...rest] = names;
  if (first === undefined) {
    yield {};
    return;
  }
  for (const value of grid[first] ?? [])
    for (const tail of cartesian(rest, grid)) yield { [first]: value, ...tail };
}

function gridError(field: string, message: string): ValidationFailedError {
  return new ValidationFailedError(message, { fields: [{ field, errors: [message] }] });
}
