import type { ParameterSchema, ParameterValues } from './parameter-schema.js';
import type { SignalProposal, SignalReview } from './signal-review.js';
import type { StrategyContext } from './strategy-context.js';
import type { StrategyFill, StrategyOrder } from './strategy-order.js';

/** One instance per run: it may keep state between bars. */
export interface Strategy {
  /** Called once before the first bar: make indicators here. */
  init?(context: StrategyContext): void;
  /** Called after each closed bar (of every symbol, aligned by time). */
  onBar(context: StrategyContext): void;
  onFill?(context: StrategyContext, fill: StrategyFill): void;
  onOrderRejected?(context: StrategyContext, order: StrategyOrder): void;
}

export interface StrategyDefinition<S extends ParameterSchema = ParameterSchema> {
  /** URL-safe, unique: `sma-crossover`. */
  readonly name: string;
  readonly description: string;
  readonly parameters: S;
  /** A rule across parameters (say fast < slow): the parameter at fault and why, or null when they agree. */
  check?(parameters: ParameterValues<S>): { readonly parameter: string; readonly message: string } | null;
  /** Closed bars needed before the first signal: the warm-up history a run loads first. */
  warmupBars(parameters: ParameterValues<S>): number;
  create(parameters: ParameterValues<S>): Strategy;
  /**
   * Sees each signal fired at this strategy from outside before it trades: accept it as sent, reshape it
   * (say, cap the size) or refuse it with a reason. Left out, a signal becomes the order it describes.
   */
  reviewSignal?(signal: SignalProposal): SignalReview;
}
