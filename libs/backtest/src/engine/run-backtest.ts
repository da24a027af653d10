import type { BarSeries } from '../data/bar-series.js';
import { computeBacktestStatistics, drawdownSeries } from '../statistics/index.js';
import { IndicatorSet } from '../strategy/indicator-set.js';
import type { ParameterValues } from '../strategy/parameter-schema.js';
import type { Strategy, StrategyDefinition } from '../strategy/strategy.js';
import { InsufficientBarsError } from '../strategy/strategy-errors.js';
import { BacktestContext } from './backtest-context.js';
import type { BacktestResult } from './backtest-result.js';
import type { BacktestSettings } from './backtest-settings.js';
import { alignBars } from './bar-timeline.js';
import { SeriesHistory } from './series-history.js';
import { SimulatedBroker } from './simulated-broker.js';

export interface BacktestRunHooks {
  /** Called now and then with the fraction of bars done (0..1). */
  onProgress?(fraction: number): void;
  /** Polled now and then; true stops the run, which then reports `cancelled`. */
  isCancelled?(): boolean;
}

/**
 * Steps between two progress reports and cancel checks: rare enough to cost nothing (a check is a few
 * nanoseconds; 4,096 steps take about half a millisecond), often enough that a cancel is felt at once.
 */
export const CANCEL_CHECK_EVERY = 1 << 12;

/**
 * Runs `definition` with resolved `parameters` over `feed` (one series per symbol; several are aligned
 * by time, the first is the run's main symbol). Each step: resting orders fill against the new bar, the
 * bar goes to the history and the indicators, the strategy sees it, market orders fill at the close when
 * the run says so, and equity is marked at the close. Throws InsufficientBarsError when the bars cannot
 * cover the strategy's warm-up.
 */
export function runBacktest(
  definition: StrategyDefinition,
  parameters: ParameterValues,
  feed: readonly BarSeries[],
  settings: BacktestSettings,
  hooks: BacktestRunHooks = {},
): BacktestResult {
  const symbols = feed.map((series) => series.symbol);
  const timeline = alignBars(feed);
  const warmup = definition.warmupBars(parameters);
  const shortest = Math.min(...feed.map((series) => series.length));
  if (shortest <= warmup) throw new InsufficientBarsError(shortest, warmup);

  const strategy: Strategy = definition.create(parameters);
  const histories = feed.map((series) => new SeriesHistory(series));
  const indicators = new IndicatorSet(symbols);
  const broker = new SimulatedBroker(symbols, settings, {
    onFill: (fill) => strategy.onFill?.(context, fill),
    onRejected: (order) => strategy.onOrderRejected?.(context, order),
  });
  const context = new BacktestContext(symbols, indicators, histories, broker);
  strategy.init?.(context);

  const equity = new Float64Array(timeline.steps);
  const closeMode = settings.marketFill === 'close';
  let barsInMarket = 0;
  let step = 0;
  let cancelled = false;
  for (; step < timeline.steps; step += 1) {
    if ((step & (CANCEL_CHECK_EVERY - 1)) === 0 && step > 0) {
      hooks.onProgress?.(step / timeline.steps);
      if (hooks.isCancelled?.()) {
        cancelled = true;
        break;
      }
    }
    const time = timeline.time[step]!;
    context.step = step;
    context.time = time;
    for (let symbol = 0; symbol < feed.length; symbol += 1) {
      const bar = timeline.barAt[symbol]![step]!;
      if (bar < 0) continue;
      const series = feed[symbol]!;
      if (broker.open.length > 0) broker.matchBar(symbol, step, series, bar);
      histories[symbol]!.cursor = bar;
      broker.lastPrice[symbol] = series.close[bar]!;
      indicators.feed(symbol, series, bar);
      const ledger = broker.ledgers[symbol]!;
      if (ledger.quantity !== 0) ledger.markExcursion(series, bar);
    }
    strategy.onBar(context);
    if (closeMode && broker.open.length > 0) {
      for (let symbol = 0; symbol < feed.length; symbol += 1) {
        if (timeline.barAt[symbol]![step]! >= 0)
          broker.matchClose(symbol, step, time, broker.lastPrice[symbol]!);
      }
    }
    broker.markEquity(equity, step);
    if (broker.positionsOpen > 0) barsInMarket += 1;
  }

  const bars = step;
  const lastStep = Math.max(0, bars - 1);
  for (let symbol = 0; symbol < feed.length; symbol += 1) {
    // Marked at the symbol's own last bar, which is before the run's last step when its data ends sooner.
    const history = histories[symbol]!;
    broker.ledgers[symbol]!.closeAtEnd(broker.lastPrice[symbol]!, history.time(), lastStep);
  }
  const curve = { time: timeline.time.subarray(0, bars), equity: equity.subarray(0, bars) };
  const trades = broker.trades.sort((a, b) => a.exitTime - b.exitTime || a.entryTime - b.entryTime);
  hooks.onProgress?.(cancelled ? bars / timeline.steps : 1);
  let drawdown: Float64Array | undefined;
  return {
    statistics: computeBacktestStatistics({
      ...curve,
      trades,
      barsInMarket,
      totalFees: broker.totalFees,
      startingCash: settings.startingCash,
      periodsPerYear: settings.periodsPerYear,
    }),
    equity: curve,
    // Worked out when first read: a sweep's combinations keep their statistics only and never need it.
    get drawdown() {
      return (drawdown ??= drawdownSeries(curve.equity));
    },
    trades,
    fills: broker.fills,
    bars,
    cancelled,
  };
}
