import type { BandIndicator } from '../indicators/indicator.js';
import type { StrategyContext } from '../strategy/strategy-context.js';
import type { Strategy, StrategyDefinition } from '../strategy/strategy.js';
import { EXIT_PARAMETERS, exitPosition, follow, type ExitSettings } from './exit-rules.js';

const parameters = {
  period: { type: 'integer', default: 20, min: 2, max: 1000, description: 'Period of the middle band (SMA)' },
  deviations: {
    type: 'number',
    default: 2,
    min: 0.1,
    max: 10,
    description: 'Band width in standard deviations',
  },
  ...EXIT_PARAMETERS,
} as const;

type Values = { readonly period: number; readonly deviations: number } & ExitSettings;

class BollingerReversion implements Strategy {
  private bands!: BandIndicator;

  constructor(private readonly values: Values) {}

  init(context: StrategyContext): void {
    this.bands = context.indicators.bollinger(this.values.period, this.values.deviations);
  }

  onBar(context: StrategyContext): void {
    if (!this.bands.isReady) return;
    const close = context.history().close();
    const held = context.position();
    if (close < this.bands.lower) follow(context, 1, this.values);
    else if (close > this.bands.upper) follow(context, -1, this.values);
    else if (held > 0 && close >= this.bands.middle) exitPosition(context, 1);
    else if (held < 0 && close <= this.bands.middle) exitPosition(context, -1);
  }
}

export const BOLLINGER_REVERSION: StrategyDefinition<typeof parameters> = {
  name: 'bollinger-reversion',
  description:
    'Buys a close below the lower band and leaves at the middle band; with shorts on, sells a close above the upper band.',
  parameters,
  warmupBars: (values) => values.period,
  create: (values) => new BollingerReversion(values),
};
