import type { ClosedTrade } from '../engine/closed-trade.js';

/** The trade half of BacktestStatistics; every field is defined in the README ("Backtest statistics"). */
export interface TradeStatistics {
  readonly trades: number;
  readonly winRate: number | null;
  readonly profitFactor: number | null;
  readonly expectancy: number | null;
  readonly averageWin: number | null;
  readonly averageLoss: number | null;
  readonly largestWin: number | null;
  readonly largestLoss: number | null;
  readonly maxConsecutiveWins: number;
  readonly maxConsecutiveLosses: number;
}

/**
 * Statistics of the closed trades, in the order given (the engine lists them as they close). A trade still
 * open at the run's end (`open`) is left out: its pnl is a mark at the last close, not a result. A win has
 * pnl > 0 and a loss pnl < 0; a trade at exactly 0 is neither, yet counts in `trades` (so it lowers the
 * win rate and the expectancy) and ends a streak of either. Averages and extremes are of pnl net of fees;
 * averageLoss and largestLoss are negative.
 */
export function tradeStatistics(all: readonly ClosedTrade[]): TradeStatistics {
  let trades = 0;
  let wins = 0;
  let losses = 0;
  let grossWins = 0;
  let grossLosses = 0;
  let largestWin: number | null = null;
  let largestLoss: number | null = null;
  let winStreak = 0;
  let lossStreak = 0;
  let maxConsecutiveWins = 0;
  let maxConsecutiveLosses = 0;
  for (const trade of all) {
    if (trade.open) continue;
    trades += 1;
    const { pnl } = trade;
    if (pnl > 0) {
      wins += 1;
      grossWins += pnl;
      largestWin = largestWin === null ? pnl : Math.max(largestWin, pnl);
      winStreak += 1;
      lossStreak = 0;
    } else if (pnl < 0) {
      losses += 1;
      grossLosses += pnl;
      largestLoss = largestLoss === null ? pnl : Math.min(largestLoss, pnl);
      lossStreak += 1;
      winStreak = 0;
    } else {
      winStreak = 0;
      lossStreak = 0;
    }
    maxConsecutiveWins = Math.max(maxConsecutiveWins, winStreak);
    maxConsecutiveLosses = Math.max(maxConsecutiveLosses, lossStreak);
  }
  return {
    trades,
    winRate: trades > 0 ? wins / trades : null,
    profitFactor: losses > 0 ? grossWins / -grossLosses : null,
    expectancy: trades > 0 ? (grossWins + grossLosses) / trades : null,
    averageWin: wins > 0 ? grossWins / wins : null,
    averageLoss: losses > 0 ? grossLosses / losses : null,
    largestWin,
    largestLoss,
    maxConsecutiveWins,
    maxConsecutiveLosses,
  };
}
