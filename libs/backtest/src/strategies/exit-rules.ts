import type { StrategyContext } from '../strategy/strategy-context.js';

/** Parameters every built-in strategy shares: shorts allowed or not, and an optional bracket. */
export const EXIT_PARAMETERS = {
  allowShort: {
    type: 'boolean',
    default: false,
    description:
      'Take the short side too: a sell signal reverses a long into a short instead of only closing it',
  },
  stopLossPercent: {
    type: 'number',
    default: 0,
    min: 0,
    max: 50,
    description: 'Stop-loss distance from the signal bar close, in percent; 0 places none',
  },
  takeProfitPercent: {
    type: 'number',
    default: 0,
    min: 0,
    max: 500,
    description: 'Take-profit distance from the signal bar close, in percent; 0 places none',
  },
} as const;

export interface ExitSettings {
  readonly allowShort: boolean;
  readonly stopLossPercent: number;
  readonly takeProfitPercent: number;
}

/**
 * Turns a signal into orders the same way for every built-in: close what is held against the signal,
 * then enter (unless it is a short and shorts are off) with the bracket the parameters ask for.
 */
export function follow(context: StrategyContext, direction: 1 | -1, exits: ExitSettings): void {
  const held = context.position();
  if (Math.sign(held) === direction) return;
  if (held !== 0) context.closePosition();
  if (direction === -1 && !exits.allowShort) return;
  const reference = context.history().close();
  const away = (percent: number, sign: number): number | undefined =>
    percent > 0 ? reference * (1 + (sign * percent) / 100) : undefined;
  context.submit({
    side: direction === 1 ? 'buy' : 'sell',
    stopLoss: away(exits.stopLossPercent, -direction),
    takeProfit: away(exits.takeProfitPercent, direction),
  });
}

/** Leaves the market on an exit signal that is not an entry the other way. */
export function exitPosition(context: StrategyContext, direction: 1 | -1): void {
  if (Math.sign(context.position()) === direction) context.closePosition();
}
