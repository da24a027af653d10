import type { ParameterSpec } from '#backtest/strategy/parameter-schema.js';
import type { StrategyDefinition } from '#backtest/strategy/strategy.js';

function describeSpec(name: string, spec: ParameterSpec): string {
  switch (spec.type) {
    case 'boolean':
      return `${name} (boolean, default ${String(spec.default)})`;
    case 'enum':
      return `${name} (one of ${spec.values.join(' | ')}, default ${spec.default})`;
    case 'integer':
    case 'number': {
      const range =
        spec.min === undefined && spec.max === undefined ? '' : `, ${spec.min ?? '-∞'}–${spec.max ?? '∞'}`;
      return `${name} (${spec.type}, default ${spec.default}${range})`;
    }
  }
}

/**
 * Each strategy's parameters as one Markdown line, for the Swagger description of the request that takes
 * them: the schema a reader of /docs needs, written from the same definitions GET /strategies serves.
 */
export function describeStrategyParameters(definitions: readonly StrategyDefinition[]): string {
  return definitions
    .map(
      (definition) =>
        `- \`${definition.name}\`: ${Object.entries(definition.parameters)
          .map(([name, spec]) => describeSpec(name, spec))
          .join(', ')}`,
    )
    .join('\n');
}
