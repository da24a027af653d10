import type { ParameterSchema, ParameterSpec, ParameterValues } from './parameter-schema.js';
import type { StrategyDefinition } from './strategy.js';
import { StrategyParameterError } from './strategy-errors.js';

/**
 * The parameters a run uses: `input` checked against the strategy's schema, the defaults filling what it
 * leaves out. Throws StrategyParameterError naming the first parameter that is unknown, mistyped or out of
 * range, or the pair that breaks the strategy's own rule.
 */
export function resolveParameters<S extends ParameterSchema>(
  definition: StrategyDefinition<S>,
  input: Readonly<Record<string, unknown>> = {},
): ParameterValues<S> {
  for (const name of Object.keys(input)) {
    if (!Object.hasOwn(definition.parameters, name)) {
      const known = Object.keys(definition.parameters).join(', ');
      throw new StrategyParameterError(
        name,
        `${definition.name} has no parameter "${name}" (it takes ${known})`,
      );
    }
  }
  const values: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(definition.parameters)) {
    values[name] = Object.hasOwn(input, name) ? checkValue(name, spec, input[name]) : spec.default;
  }
  const resolved = values as ParameterValues<S>;
  const problem = definition.check?.(resolved);
  if (problem) throw new StrategyParameterError(problem.parameter, problem.message);
  return resolved;
}

function checkValue(name: string, spec: ParameterSpec, value: unknown): unknown {
  switch (spec.type) {
    case 'boolean':
      if (typeof value !== 'boolean') throw new StrategyParameterError(name, `${name} must be true or false`);
      return value;
    case 'enum':
      if (typeof value !== 'string' || !spec.values.includes(value)) {
        throw new StrategyParameterError(name, `${name} must be one of ${spec.values.join(', ')}`);
      }
      return value;
    case 'integer':
    case 'number': {
      const integer = spec.type === 'integer';
      if (typeof value !== 'number' || !Number.isFinite(value) || (integer && !Number.isInteger(value))) {
        throw new StrategyParameterError(name, `${name} must be ${integer ? 'an integer' : 'a number'}`);
      }
      if ((spec.min !== undefined && value < spec.min) || (spec.max !== undefined && value > spec.max)) {
        throw new StrategyParameterError(
          name,
          `${name} must lie between ${spec.min ?? '-∞'} and ${spec.max ?? '∞'}`,
        );
      }
      return value;
    }
  }
}
