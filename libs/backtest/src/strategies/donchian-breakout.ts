import type { BandIndicator } from '../indicators/indicator.js';
import type { StrategyContext } from '../strategy/strategy-context.js';
import type { Strategy, StrategyDefinition } from '../strategy/strategy.js';
import { EXIT_PARAMETERS, exitPosition, follow, type ExitSettings } from './exit-rules.js';

const parameters = {
  entryPeriod: {
    type: 'integer',
    default: 20,
    min: 2,
    max: 1000,
    description: 'Break of the highest high (lowest low) of this many previous bars enters',
  },
  exitPeriod: {
    type: 'integer',
    default: 10,
    min: 2,
    max: 1000,
    description: 'Break of the opposite extreme of this many previous bars exits',
  },
  ...EXIT_PARAMETERS,
} as const;

type Values = { readonly entryPeriod: number; readonly exitPeriod: number } & ExitSettings;

/** The turtle rule: the channels of the previous bars, so a bar is compared with what came before it. */
class DonchianBreakout implements Strategy {
  private entry!: BandIndicator;
  private exit!: BandIndicator;
  private entryUpper = Number.NaN;
  private entryLower = Number.NaN;
  private exitUpper = Number.NaN;
  private exitLower = Number.NaN;

  constructor(private readonly values: Values) {}

  init(context: StrategyContext): void {
    this.entry = context.indicators.donchian(this.values.entryPeriod);
    this.exit = context.indicators.donchian(this.values.exitPeriod);
  }

  onBar(context: StrategyContext): void {
    const close = context.history().close();
    const held = context.position();
    if (close > this.entryUpper) follow(context, 1, this.values);
    else if (close < this.entryLower) follow(context, -1, this.values);
    else if (held > 0 && close < this.exitLower) exitPosition(context, 1);
    else if (held < 0 && close > this.exitUpper) exitPosition(context, -1);
    this.entryUpper = this.entry.upper;
    this.entryLower = this.entry.lower;
    this.exitUpper = this.exit.upper;
    this.exitLower = this.exit.lower;
  }
}

export const DONCHIAN_BREAKOUT: StrategyDefinition<typeof parameters> = {
  name: 'donchian-breakout',
  description:
    'Long when the close breaks above the highest high of the entry period; out when it breaks below the lowest low of the exit period (shorts mirror it).',
  parameters,
  warmupBars: (values) => Math.max(values.entryPeriod, values.exitPeriod),
  create: (values) => new DonchianBreakout(values),
};
