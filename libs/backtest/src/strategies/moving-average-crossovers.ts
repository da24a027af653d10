import type { StrategyDefinition } from '../strategy/strategy.js';
import { EXIT_PARAMETERS } from './exit-rules.js';
import { LineCrossover } from './line-crossover.js';

const crossoverParameters = (fast: number, slow: number) =>
  ({
    fast: {
      type: 'integer',
      default: fast,
      min: 1,
      max: 1000,
      description: 'Period of the fast average, in bars',
    },
    slow: {
      type: 'integer',
      default: slow,
      min: 2,
      max: 2000,
      description: 'Period of the slow average, in bars',
    },
    ...EXIT_PARAMETERS,
  }) as const;

type CrossoverParameters = ReturnType<typeof crossoverParameters>;

const fastBelowSlow = (parameters: { fast: number; slow: number }) =>
  parameters.fast < parameters.slow ? null : { parameter: 'fast', message: 'fast must be shorter than slow' };

export const SMA_CROSSOVER: StrategyDefinition<CrossoverParameters> = {
  name: 'sma-crossover',
  description:
    'Long when the fast simple moving average of the close crosses above the slow one; out (or short) when it crosses below.',
  parameters: crossoverParameters(10, 30),
  check: fastBelowSlow,
  warmupBars: (parameters) => parameters.slow,
  create: (parameters) =>
    new LineCrossover(
      (context) => [context.indicators.sma(parameters.fast), context.indicators.sma(parameters.slow)],
      parameters,
    ),
};

export const EMA_CROSSOVER: StrategyDefinition<CrossoverParameters> = {
  name: 'ema-crossover',
  description:
    'Long when the fast exponential moving average of the close crosses above the slow one; out (or short) when it crosses below.',
  parameters: crossoverParameters(12, 26),
  check: fastBelowSlow,
  warmupBars: (parameters) => parameters.slow,
  create: (parameters) =>
    new LineCrossover(
      (context) => [context.indicators.ema(parameters.fast), context.indicators.ema(parameters.slow)],
      parameters,
    ),
};
