import type { StrategyDefinition } from '../strategy/strategy.js';
import { EXIT_PARAMETERS } from './exit-rules.js';
import { LineCrossover } from './line-crossover.js';

const parameters = {
  fast: { type: 'integer', default: 12, min: 1, max: 500, description: 'Period of the fast EMA' },
  slow: { type: 'integer', default: 26, min: 2, max: 1000, description: 'Period of the slow EMA' },
  signal: {
    type: 'integer',
    default: 9,
    min: 1,
    max: 500,
    description: 'Period of the signal line (EMA of MACD)',
  },
  ...EXIT_PARAMETERS,
} as const;

export const MACD_SIGNAL_CROSS: StrategyDefinition<typeof parameters> = {
  name: 'macd-signal-cross',
  description: 'Long when the MACD line crosses above its signal line; out (or short) when it crosses below.',
  parameters,
  check: (values) =>
    values.fast < values.slow ? null : { parameter: 'fast', message: 'fast must be shorter than slow' },
  warmupBars: (values) => values.slow + values.signal - 1,
  create: (values) =>
    new LineCrossover((context) => {
      const macd = context.indicators.macd(values.fast, values.slow, values.signal);
      return [
        {
          get value() {
            return macd.macd;
          },
        },
        {
          get value() {
            return macd.signal;
          },
        },
      ];
    }, values),
};
