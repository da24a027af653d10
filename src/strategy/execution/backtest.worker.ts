import { runBacktest } from '#backtest/engine/run-backtest.js';
import { BUILT_IN_STRATEGIES } from '#backtest/strategies/index.js';
import type { StrategyDefinition } from '#backtest/strategy/strategy.js';
import { CANCEL_FLAG, type BacktestTask, type BacktestTaskResult } from './backtest-task.js';

/** Runs on a piscina worker thread: the module is loaded once per thread, each task calls the default. */
const STRATEGIES = new Map<string, StrategyDefinition>(
  BUILT_IN_STRATEGIES.map((definition) => [definition.name, definition]),
);

export default function runBacktestTask(task: BacktestTask): BacktestTaskResult {
  const definition = STRATEGIES.get(task.strategy);
  if (!definition) throw new Error(`Unknown strategy "${task.strategy}" on the worker thread`);
  const result = runBacktest(definition, task.parameters, task.feed, task.settings, {
    onProgress: (fraction) => {
      task.progress[task.slot] = fraction;
    },
    isCancelled: () => Atomics.load(task.control, CANCEL_FLAG) === 1,
  });
  task.progress[task.slot] = 1;
  return {
    statistics: result.statistics,
    bars: result.bars,
    cancelled: result.cancelled,
    ...(task.keep === 'full'
      ? {
          curves: {
            time: result.equity.time,
            equity: result.equity.equity,
            drawdown: result.drawdown,
            trades: result.trades,
          },
        }
      : {}),
  };
}
