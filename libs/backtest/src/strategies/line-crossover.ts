import { Crossover } from '../indicators/crossover.js';
import type { Indicator } from '../indicators/indicator.js';
import type { StrategyContext } from '../strategy/strategy-context.js';
import type { Strategy } from '../strategy/strategy.js';
import { follow, type ExitSettings } from './exit-rules.js';

/**
 * Long when the fast line crosses above the slow one, out (or short) when it crosses below: the rule of
 * the SMA, EMA and MACD crossovers, with backtrader's crossing semantics (see Crossover).
 */
export class LineCrossover implements Strategy {
  private fast!: { readonly value: number };
  private slow!: { readonly value: number };
  private readonly cross = new Crossover();

  constructor(
    private readonly lines: (
      context: StrategyContext,
    ) => readonly [Indicator | { value: number }, Indicator | { value: number }],
    private readonly exits: ExitSettings,
  ) {}

  init(context: StrategyContext): void {
    [this.fast, this.slow] = this.lines(context);
  }

  onBar(context: StrategyContext): void {
    const crossed = this.cross.update(this.fast.value, this.slow.value);
    if (crossed !== 0) follow(context, crossed > 0 ? 1 : -1, this.exits);
  }
}
