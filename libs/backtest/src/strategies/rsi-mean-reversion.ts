import type { SeriesIndicator } from '../indicators/indicator.js';
import type { StrategyContext } from '../strategy/strategy-context.js';
import type { Strategy, StrategyDefinition } from '../strategy/strategy.js';
import { EXIT_PARAMETERS, exitPosition, follow, type ExitSettings } from './exit-rules.js';

const parameters = {
  period: { type: 'integer', default: 14, min: 2, max: 500, description: "Period of Wilder's RSI" },
  oversold: {
    type: 'number',
    default: 30,
    min: 1,
    max: 99,
    description: 'Buy when RSI falls below this level',
  },
  overbought: {
    type: 'number',
    default: 70,
    min: 1,
    max: 99,
    description: 'Sell (or short) when RSI rises above this level',
  },
  exitLevel: {
    type: 'number',
    default: 50,
    min: 1,
    max: 99,
    description: 'Leave a position when RSI crosses back over this level',
  },
  ...EXIT_PARAMETERS,
} as const;

type Values = {
  readonly period: number;
  readonly oversold: number;
  readonly overbought: number;
  readonly exitLevel: number;
} & ExitSettings;

class RsiMeanReversion implements Strategy {
  private rsi!: SeriesIndicator;

  constructor(private readonly values: Values) {}

  init(context: StrategyContext): void {
    this.rsi = context.indicators.rsi(this.values.period);
  }

  onBar(context: StrategyContext): void {
    if (!this.rsi.isReady) return;
    const rsi = this.rsi.value;
    const held = context.position();
    if (rsi < this.values.oversold) follow(context, 1, this.values);
    else if (rsi > this.values.overbought) follow(context, -1, this.values);
    else if ((held > 0 && rsi >= this.values.exitLevel) || (held < 0 && rsi <= this.values.exitLevel)) {
      exitPosition(context, held > 0 ? 1 : -1);
    }
  }
}

export const RSI_MEAN_REVERSION: StrategyDefinition<typeof parameters> = {
  name: 'rsi-mean-reversion',
  description:
    'Buys when RSI is oversold and leaves when it recovers to the exit level; with shorts on, the mirror image when overbought.',
  parameters,
  check: (values) =>
    values.oversold < values.exitLevel && values.exitLevel < values.overbought
      ? null
      : { parameter: 'exitLevel', message: 'oversold < exitLevel < overbought must hold' },
  warmupBars: (values) => values.period,
  create: (values) => new RsiMeanReversion(values),
};
