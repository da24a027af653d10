import type { StrategyDefinition } from '../strategy/strategy.js';
import { BOLLINGER_REVERSION } from './bollinger-reversion.js';
import { DONCHIAN_BREAKOUT } from './donchian-breakout.js';
import { MACD_SIGNAL_CROSS } from './macd-signal-cross.js';
import { EMA_CROSSOVER, SMA_CROSSOVER } from './moving-average-crossovers.js';
import { RSI_MEAN_REVERSION } from './rsi-mean-reversion.js';

export {
  BOLLINGER_REVERSION,
  DONCHIAN_BREAKOUT,
  EMA_CROSSOVER,
  MACD_SIGNAL_CROSS,
  RSI_MEAN_REVERSION,
  SMA_CROSSOVER,
};

/** Every strategy the product ships, by name. */
export const BUILT_IN_STRATEGIES: readonly StrategyDefinition[] = [
  SMA_CROSSOVER,
  EMA_CROSSOVER,
  RSI_MEAN_REVERSION,
  DONCHIAN_BREAKOUT,
  BOLLINGER_REVERSION,
  MACD_SIGNAL_CROSS,
] as readonly StrategyDefinition[];
