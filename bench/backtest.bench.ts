/**
 * npm run bench:backtest — the backtest loop. Part 1: the built-in SMA crossover through the engine
 * (runBacktest: context, simulated broker, equity curve, statistics) over 1,000,000 synthetic bars,
 * beside, in the same run, the simplest plain loop that computes the same trades (the ceiling). Both
 * must agree on the number of trades and the final equity. Part 2: a sweep of 1,000 parameter
 * combinations over 100,000 bars on every core, through the same sweep runner the product uses.
 *
 * Targets (issue 10): >= 5,000,000 bars/s through the engine on one thread, >= 1/4 of the plain loop's
 * rate, the sweep under 10 s on 2 cores.
 *
 * Knobs (environment): BENCH_BARS (default 1000000), BENCH_REPEATS (default 5), BENCH_SWEEP_BARS
 * (default 100000), BENCH_SWEEP_SIZE (default 1000).
 */
import { availableParallelism, cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { DEFAULT_BACKTEST_SETTINGS, resolveParameters, runBacktest, SMA_CROSSOVER } from '#backtest';
import { plainSmaCrossover } from './backtest/plain-sma-crossover.js';
import { measureSweep } from './backtest/sweep.js';
import { syntheticBars } from './backtest/synthetic-bars.js';
import { runBench } from './support/run-bench.js';
import { ratio, renderTable } from './support/text-table.js';

const BARS = positive('BENCH_BARS', 1_000_000);
const REPEATS = positive('BENCH_REPEATS', 5);
const SWEEP_BARS = positive('BENCH_SWEEP_BARS', 100_000);
const SWEEP_SIZE = positive('BENCH_SWEEP_SIZE', 1_000);
const QUANTITY = 10;
const CASH = 1_000_000;

async function main(): Promise<number> {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  out(`bench:backtest — node ${process.version}, ${availableParallelism()} cores (${cpu})\n`);
  const bars = syntheticBars(BARS);
  const parameters = resolveParameters(SMA_CROSSOVER, { fast: 10, slow: 30 });
  const settings = {
    ...DEFAULT_BACKTEST_SETTINGS,
    startingCash: CASH,
    sizing: { kind: 'fixed', quantity: QUANTITY },
  } as const;

  const engineTimes: number[] = [];
  const plainTimes: number[] = [];
  let engine = runBacktest(SMA_CROSSOVER, parameters, [bars], settings);
  let plain = plainSmaCrossover(bars, 10, 30, QUANTITY, CASH);
  // Alternate the two so a burst of machine noise lands on both.
  for (let repeat = 0; repeat < REPEATS; repeat += 1) {
    let started = performance.now();
    engine = runBacktest(SMA_CROSSOVER, parameters, [bars], settings);
    engineTimes.push(performance.now() - started);
    started = performance.now();
    plain = plainSmaCrossover(bars, 10, 30, QUANTITY, CASH);
    plainTimes.push(performance.now() - started);
  }
  const engineTrades = engine.trades.filter((trade) => !trade.open).length;
  const agree =
    engineTrades === plain.trades &&
    Math.abs(engine.statistics.finalEquity - plain.finalEquity) < 1e-6 * CASH;
  const engineRate = BARS / (median(engineTimes) / 1000);
  const plainRate = BARS / (median(plainTimes) / 1000);
  out(
    renderTable(
      ['loop', 'bars', 'median ms', 'bars/s', '× plain', 'trades', 'final equity'],
      [
        [
          'engine (runBacktest, sma-crossover 10/30)',
          fmt(BARS),
          median(engineTimes).toFixed(1),
          fmt(engineRate),
          ratio(engineRate, plainRate),
          fmt(engineTrades),
          engine.statistics.finalEquity.toFixed(2),
        ],
        [
          'plain loop, same trades (ceiling)',
          fmt(BARS),
          median(plainTimes).toFixed(1),
          fmt(plainRate),
          '1.00',
          fmt(plain.trades),
          plain.finalEquity.toFixed(2),
        ],
      ],
      1,
    ) + '\n',
  );
  out(
    `targets: engine >= 5,000,000 bars/s (${engineRate >= 5e6 ? 'met' : 'MISSED'}), >= 0.25 × plain (${engineRate >= plainRate / 4 ? 'met' : 'MISSED'})\n`,
  );
  if (!agree) out('!!! the engine and the plain loop disagree on the trades or the final equity\n');

  const sweep = await measureSweep(SWEEP_BARS, SWEEP_SIZE);
  out(
    `\nsweep: ${fmt(sweep.combinations)} combinations × ${fmt(SWEEP_BARS)} bars on ${sweep.threads} worker threads: ` +
      `${(sweep.ms / 1000).toFixed(2)} s (${fmt((sweep.combinations * SWEEP_BARS) / (sweep.ms / 1000))} bars/s in all); ` +
      `one thread in the same run: ${(sweep.singleThreadEstimateMs / 1000).toFixed(2)} s estimated from ${sweep.sampled} combinations; ` +
      `target < 10 s (${sweep.ms < 10_000 ? 'met' : 'MISSED'}); best: ${sweep.best}\n`,
  );
  return agree ? 0 : 1;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function fmt(value: number): string {
  return Math.round(value).toLocaleString('en');
}

function positive(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`);
  return value;
}

function out(text: string): void {
  process.stdout.write(text);
}

runBench(main);
