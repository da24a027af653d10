import { Crossover } from '../indicators/crossover.js';
import type { StrategyContext } from '../strategy/strategy-context.js';
import type { Strategy } from '../strategy/strategy.js';
import { follow, type ExitSettings } from './exit-rules.js';

/** Anything with a current value: an indicator, or one line of a multi-line one. */
type Line = { readonly value: number };

/**
 * Long when the fast line crosses above the slow one, out (or short) when it crosses below: the rule of
 * the SMA, EMA and MACD crossovers, with backtrader's crossing semantics (see Crossover).
 */
export class LineCrossover implements Strategy {
  private cross!: Crossover;

  constructor(
    private readonly lines: (context: StrategyContext) => readonly [Line, Line],
    private readonly exits: ExitSettings,
  ) {}

  init(context: StrategyContext): void {
    const [fast, slow] = this.lines(context);
    this.cross = new Crossover(fast, slow);
  }

  onBar(context: StrategyContext): void {
    const crossed = this.cross.update();
    if (crossed !== 0) follow(context, crossed > 0 ? 1 : -1, this.exits);
  }
}
