import { StrategyParameterError } from '#backtest/strategy/strategy-errors.js';
import { ValidationFailedError } from '../../common/errors/app-error.js';

/**
 * Runs `resolve` and turns a strategy's parameter refusal into the API's 400, naming the field as the
 * request spelled it (`parameters.fast` or `grid.fast`), in the shape the validation pipe uses.
 */
export function asValidationError<T>(field: 'parameters' | 'grid', resolve: () => T): T {
  try {
    return resolve();
  } catch (error) {
    if (!(error instanceof StrategyParameterError)) throw error;
    throw new ValidationFailedError(`Invalid ${field}.${error.parameter}: ${error.message}`, {
      fields: [{ field: `${field}.${error.parameter}`, errors: [error.message] }],
    });
  }
}
