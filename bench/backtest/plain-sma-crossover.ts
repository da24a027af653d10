import type { BarSeries } from '#backtest';

export interface PlainResult {
  readonly trades: number;
  readonly pnl: number;
  readonly finalEquity: number;
}

/**
 * The ceiling: the simplest loop that computes the same trades as the engine's SMA crossover (long only,
 * fixed quantity, market orders at the next open, no costs, backtrader's crossing rule): running sums,
 * no objects, no context, no equity curve beyond the final figure.
 */
export function plainSmaCrossover(
  bars: BarSeries,
  fast: number,
  slow: number,
  quantity: number,
  cash: number,
): PlainResult {
  const close = bars.close;
  const open = bars.open;
  let fastSum = 0;
  let slowSum = 0;
  let lastDifference = 0;
  let pending = 0;
  let held = 0;
  let entry = 0;
  let trades = 0;
  let pnl = 0;
  for (let index = 0; index < bars.length; index += 1) {
    if (pending !== 0) {
      const price = open[index]!;
      if (pending > 0) {
        held = quantity;
        entry = price;
        cash -= quantity * price;
      } else {
        pnl += (price - entry) * held;
        cash += held * price;
        held = 0;
        trades += 1;
      }
      pending = 0;
    }
    fastSum += close[index]!;
    slowSum += close[index]!;
    if (index >= fast) fastSum -= close[index - fast]!;
    if (index >= slow) slowSum -= close[index - slow]!;
    if (index + 1 < slow) continue;
    const difference = fastSum / fast - slowSum / slow;
    if (lastDifference < 0 && difference > 0 && held === 0) pending = 1;
    else if (lastDifference > 0 && difference < 0 && held > 0) pending = -1;
    if (difference !== 0) lastDifference = difference;
  }
  return { trades, pnl, finalEquity: cash + held * close[bars.length - 1]! };
}
