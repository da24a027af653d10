import { barSeriesFromRows, type BarSeries } from '../data/bar-series.js';
import { DEFAULT_BACKTEST_SETTINGS, type BacktestSettings } from '../engine/backtest-settings.js';
import type { BacktestResult } from '../engine/backtest-result.js';
import { runBacktest } from '../engine/run-backtest.js';
import { resolveParameters } from '../strategy/resolve-parameters.js';
import type { ParameterSchema } from '../strategy/parameter-schema.js';
import type { StrategyContext } from '../strategy/strategy-context.js';
import { StrategyParameterError } from '../strategy/strategy-errors.js';
import type { StrategyFill, StrategyOrder } from '../strategy/strategy-order.js';
import type { StrategyDefinition } from '../strategy/strategy.js';

/** One bar as `[open, high, low, close]`. */
export type Ohlc = readonly [open: number, high: number, low: number, close: number];

export const DAY_MS = 86_400_000;
/** The time of bar 0 in every fixture series: 2024-01-01 00:00 UTC. */
export const FIRST_DAY = Date.UTC(2024, 0, 1);

/** The time of the bar `index` days after FIRST_DAY. */
export const day = (index: number): number => FIRST_DAY + index * DAY_MS;

/**
 * A series of daily bars from `[open, high, low, close]` rows, bar i on `day(i)`; `days` puts bar i on
 * `day(days[i])` instead (a symbol missing some days).
 */
export function bars(rows: readonly Ohlc[], symbol = 'TEST', days?: readonly number[]): BarSeries {
  return barSeriesFromRows(
    symbol,
    rows.map(([open, high, low, close], index) => ({
      time: day(days?.[index] ?? index),
      open,
      high,
      low,
      close,
    })),
  );
}

/** Bars that trade one price each (open = high = low = close), for the strategies that read closes. */
export function flatBars(closes: readonly number[], symbol = 'TEST'): BarSeries {
  return bars(
    closes.map((close) => [close, close, close, close] as const),
    symbol,
  );
}

/**
 * Bars that walk from close to close: each opens at the previous close (the first at its own close) and
 * ranges between its open and close, so an order placed on bar i fills at bar i's close.
 */
export function walkBars(closes: readonly number[], symbol = 'TEST'): BarSeries {
  return bars(
    closes.map((close, index) => {
      const open = closes[index - 1] ?? close;
      return [open, Math.max(open, close), Math.min(open, close), close] as const;
    }),
    symbol,
  );
}

/** The bar index of a fill (or any time) in a fixture series. */
export const barOf = (time: number): number => (time - FIRST_DAY) / DAY_MS;

/** The default settings with `overrides`. */
export function settings(overrides: Partial<BacktestSettings> = {}): BacktestSettings {
  return { ...DEFAULT_BACKTEST_SETTINGS, ...overrides };
}

/** What a scripted strategy saw: its fills and rejected orders, and whatever ids its script kept. */
export interface ScriptLog {
  readonly fills: StrategyFill[];
  readonly rejected: StrategyOrder[];
  readonly ids: Record<string, string>;
  /** Position, cash and equity as the script saw them after each step's bar, by step. */
  readonly seen: { position: number; cash: number; equity: number }[];
}

/** Called on every step with the step's index (0 for the first bar of the timeline). */
export type Script = (context: StrategyContext, step: number, log: ScriptLog) => void;

export interface ScriptOptions {
  readonly warmup?: number;
  readonly onFill?: (context: StrategyContext, fill: StrategyFill, log: ScriptLog) => void;
}

/** A strategy that does what `script` says at each step: orders placed by hand, to test the engine. */
export function scripted(
  script: Script,
  options: ScriptOptions = {},
): { definition: StrategyDefinition; log: ScriptLog } {
  const log: ScriptLog = { fills: [], rejected: [], ids: {}, seen: [] };
  const definition: StrategyDefinition = {
    name: 'scripted',
    description: 'Places the orders its test script asks for',
    parameters: {},
    warmupBars: () => options.warmup ?? 0,
    create: () => {
      let step = 0;
      return {
        onBar(context) {
          script(context, step, log);
          log.seen[step] = { position: context.position(), cash: context.cash, equity: context.equity };
          step += 1;
        },
        onFill(context, fill) {
          log.fills.push(fill);
          options.onFill?.(context, fill, log);
        },
        onOrderRejected(_context, order) {
          log.rejected.push({ ...order });
        },
      };
    },
  };
  return { definition, log };
}

/** Runs `script` over `feed` (one series or several) with the default settings and `overrides`. */
export function runScript(
  feed: BarSeries | readonly BarSeries[],
  script: Script,
  overrides: Partial<BacktestSettings> = {},
  options: ScriptOptions = {},
): { result: BacktestResult; log: ScriptLog } {
  const { definition, log } = scripted(script, options);
  const series = Array.isArray(feed) ? (feed as readonly BarSeries[]) : [feed as BarSeries];
  const result = runBacktest(definition, {}, series, settings(overrides));
  return { result, log };
}

/** Runs a built-in strategy with `input` parameters (the defaults filling the rest) over one series. */
export function runStrategy<S extends ParameterSchema>(
  definition: StrategyDefinition<S>,
  input: Readonly<Record<string, unknown>>,
  series: BarSeries,
  overrides: Partial<BacktestSettings> = {},
): BacktestResult {
  return runBacktest(definition, resolveParameters(definition, input), [series], settings(overrides));
}

/** A result's trades as the numbers a reader checks: bars and prices in and out, PnL, still open. */
export function tradeRows(result: BacktestResult) {
  return result.trades.map((trade) => ({
    direction: trade.direction,
    entryBar: barOf(trade.entryTime),
    entryPrice: trade.entryPrice,
    exitBar: barOf(trade.exitTime),
    exitPrice: trade.exitPrice,
    pnl: trade.pnl,
    open: trade.open,
  }));
}

/** The parameter and message `resolve` refuses with; fails the test when it does not refuse. */
export function refusal(resolve: () => unknown): { parameter: string; message: string } {
  try {
    resolve();
  } catch (error) {
    if (error instanceof StrategyParameterError)
      return { parameter: error.parameter, message: error.message };
    throw error;
  }
  throw new Error('expected a StrategyParameterError, but the parameters were accepted');
}
