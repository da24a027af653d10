import type { StrategyDefinition } from '#backtest/strategy/strategy.js';
import { resolveParameters } from '#backtest/strategy/resolve-parameters.js';
import type { ParameterSpecView, StrategyView } from '../dto/strategy.view.js';

export function toStrategyView(definition: StrategyDefinition): StrategyView {
  const parameters: Record<string, ParameterSpecView> = {};
  for (const [name, spec] of Object.entries(definition.parameters))
    parameters[name] = { ...spec } as ParameterSpecView;
  return {
    name: definition.name,
    description: definition.description,
    parameters,
    warmupBars: definition.warmupBars(resolveParameters(definition)),
  };
}
