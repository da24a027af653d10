import type { ClosedTrade } from '../engine/closed-trade.js';
import { compoundAnnualGrowth, estimatePeriodsPerYear } from './annualization.js';
import type { BacktestStatistics } from './backtest-statistics.js';
import { curveDrawdown } from './curve-drawdown.js';
import {
  annualizedVolatility,
  sharpeOfMoments,
  sortinoOfMoments,
  type ReturnMoments,
} from './return-moments.js';
import { tradeStatistics } from './trade-statistics.js';

export interface BacktestStatisticsInput {
  /** Bar times, ms since the epoch, oldest first; parallel to `equity`. */
  readonly time: Float64Array;
  /** Equity after each bar. */
  readonly equity: Float64Array;
  readonly trades: readonly ClosedTrade[];
  /** Bars that ended with a position open. */
  readonly barsInMarket: number;
  readonly totalFees: number;
  readonly startingCash: number;
  /** When absent: estimated from the span, (n − 1) / (years between the first and last time). */
  readonly periodsPerYear?: number;
}

/** The result is sent as JSON, where NaN and Infinity have no form: an undefined statistic is null. */
function finiteOrNull(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null;
}

function assertInput(input: BacktestStatisticsInput): void {
  const { time, equity, startingCash, periodsPerYear, barsInMarket, totalFees } = input;
  if (time.length !== equity.length) {
    throw new RangeError(`time has ${time.length} bars and equity ${equity.length}: they must be parallel`);
  }
  if (!(Number.isFinite(startingCash) && startingCash > 0)) {
    throw new RangeError(`startingCash must be a positive number, got ${startingCash}`);
  }
  if (periodsPerYear !== undefined && !(Number.isFinite(periodsPerYear) && periodsPerYear > 0)) {
    throw new RangeError(`periodsPerYear must be a positive number, got ${periodsPerYear}`);
  }
  if (!(Number.isInteger(barsInMarket) && barsInMarket >= 0 && barsInMarket <= equity.length)) {
    throw new RangeError(
      `barsInMarket must be a whole number of bars from 0 to ${equity.length}, got ${barsInMarket}`,
    );
  }
  if (!Number.isFinite(totalFees)) throw new RangeError(`totalFees must be a number, got ${totalFees}`);
  const span = time.length > 0 ? (time[time.length - 1] as number) - (time[0] as number) : 0;
  if (!(span >= 0)) throw new RangeError('time must run oldest first');
}

/**
 * Moments of the per-bar simple returns r_i = e_i / e_(i−1) − 1, where the bar before the first is the
 * starting cash. A bar after equity at or below zero has no return and is skipped.
 */
function barReturnMoments(startingCash: number, equity: Float64Array): ReturnMoments {
  // Welford's update on local variables: the same arithmetic as addReturn, kept out of an object's fields
  // so the loop over a million bars stays in registers.
  let count = 0;
  let mean = 0;
  let squaredDeviations = 0;
  let squaredDownside = 0;
  let previous = startingCash;
  for (let i = 0; i < equity.length; i += 1) {
    const value = equity[i] as number;
    // x − x is NaN exactly for NaN and ±Infinity, so this is Number.isFinite without the call, which
    // made a million bars 40× slower under Jest's VM realm.
    if (value - value !== 0) throw new RangeError(`equity[${i}] is ${value}`);
    if (previous > 0) {
      const r = value / previous - 1;
      count += 1;
      const delta = r - mean;
      mean += delta / count;
      squaredDeviations += delta * (r - mean);
      if (r < 0) squaredDownside += r * r;
    }
    previous = value;
  }
  return { count, mean, squaredDeviations, squaredDownside };
}

/**
 * Every statistic of a backtest run, each defined in the README ("Backtest statistics"). Two passes over
 * the curve (returns, drawdown) and one over the trades; nothing is allocated per bar.
 */
export function computeBacktestStatistics(input: BacktestStatisticsInput): BacktestStatistics {
  assertInput(input);
  const { time, equity, startingCash } = input;
  const bars = equity.length;
  const finalEquity = bars > 0 ? (equity[bars - 1] as number) : startingCash;
  const spanMs = bars > 0 ? (time[bars - 1] as number) - (time[0] as number) : 0;
  const periodsPerYear = input.periodsPerYear ?? estimatePeriodsPerYear(time);
  const returns = barReturnMoments(startingCash, equity);
  const drawdown = curveDrawdown(time, equity);
  const cagr = compoundAnnualGrowth(startingCash, finalEquity, spanMs);
  const annualized = (ratio: (moments: ReturnMoments, periods: number) => number | null): number | null =>
    periodsPerYear === null ? null : finiteOrNull(ratio(returns, periodsPerYear));
  return {
    startingCash,
    finalEquity,
    totalReturn: finalEquity / startingCash - 1,
    cagr,
    annualVolatility: annualized(annualizedVolatility),
    sharpe: annualized(sharpeOfMoments),
    sortino: annualized(sortinoOfMoments),
    calmar: cagr !== null && drawdown.fraction > 0 ? finiteOrNull(cagr / drawdown.fraction) : null,
    maxDrawdown: drawdown.fraction,
    maxDrawdownAmount: drawdown.amount,
    maxDrawdownDurationMs: drawdown.durationMs,
    maxDrawdownDurationBars: drawdown.durationBars,
    ...tradeStatistics(input.trades),
    exposure: bars > 0 ? input.barsInMarket / bars : 0,
    totalFees: input.totalFees,
    // 0 says "could not be estimated" (fewer than two bars, or all at one time); every annualized
    // statistic is then null.
    periodsPerYear: periodsPerYear ?? 0,
  };
}
