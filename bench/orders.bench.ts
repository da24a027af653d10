/**
 * npm run bench:orders — the order path's cost of durability: POST /trade through the real app over HTTP,
 * on three storage setups in the same run, and each durable one as a ratio of the one without storage.
 *
 * Setups: 1. PGlite, embedded (the default: a fresh temporary data dir); 2. PostgreSQL, in a database
 * `edgerunner_bench_<random>` created on the server at BENCH_DATABASE_URL (default
 * postgres://127.0.0.1:5432/test; a database name without "test" or "bench" is refused) and dropped after
 * the run, skipped when nothing listens there; 3. storage disabled: the same app with the order and fill
 * repositories replaced by in-memory ones (bench/orders/in-memory-*.repository.ts), the reference.
 *
 * Scenarios: resting limit orders (ETHUSDT buy at 100, far below the market: they never fill and tie up
 * no margin), each with its own clientOrderId; then a shorter one of market orders that fill, each
 * connection alternating buy and sell so the position stays flat (the instrument's depth is set high so
 * that they always fill without the market ticking). The paper broker keeps its journal file in each
 * app's data dir, as by default: the same cost in every setup.
 *
 * Layout and noise: as bench:api — the apps run in this main thread (one under load at a time) and
 * autocannon in a worker thread; each setup gets a warm-up, then the measured time is split into rounds
 * alternating between the setups (A B C C B A …). After each run the bench waits until that setup has
 * written everything it owes (fills are stored off the request path) before the next run starts, so a
 * backlog is not paid for by the next setup.
 *
 * Checks: every POST /trade must answer 201; after each scenario, each setup must have stored exactly as
 * many orders as it answered 201 (counted in its database, or in the in-memory repositories, whose
 * setup must have written no order to its database), every fill the broker reported, and GET
 * /orders?limit=1 must read the newest order back.
 *
 * Knobs: --duration / BENCH_DURATION (measured s per setup for the limit scenario, default 8; the market
 * scenario gets half the rounds), --rounds / BENCH_ROUNDS (default 4), --warmup / BENCH_WARMUP (s,
 * default 2), --connections / BENCH_CONNECTIONS (default 10), BENCH_DATABASE_URL, BENCH_SETUPS (a
 * comma-separated subset of pglite,pg,mem: one setup at a time, for a profile). Exits 1 on any
 * non-2xx, socket error or durability mismatch.
 */
import 'reflect-metadata';
import { availableParallelism, cpus } from 'node:os';
import { checkDurability, waitForWrites } from './orders/durability-check.js';
import { summarizeAdded } from './orders/adapter-call-latency.js';
import { formatAddedLatencyTable, formatOrdersTable, type SetupRow } from './orders/orders-report.js';
import { describeFailure, failed } from './support/report.js';
import {
  createBenchDatabase,
  DEFAULT_SERVER_URL,
  redact,
  type BenchDatabase,
} from './support/postgres-database.js';
import { startStorageSetup, type StorageSetup } from './orders/storage-setups.js';
import { readBenchOptions, type BenchOptions } from './support/bench-options.js';
import { BENCH_API_KEY } from './support/edgerunner-app.js';
import { LoadGenerator } from './support/load-generator.js';
import type { LoadJob, LoadResult } from './support/load-job.js';
import { summarize, type Summary } from './support/stats.js';
import { runBench } from './support/run-bench.js';

const AUTH = { authorization: `Bearer ${BENCH_API_KEY}` };
/** Far below the market (ETH starts near 3200), so it rests and never fills. */
const RESTING_LIMIT = { symbol: 'ETHUSDT', side: 'buy', type: 'limit', price: '100', quantity: '0.01' };
const MARKET_BUY = { symbol: 'ETHUSDT', side: 'buy', type: 'market', quantity: '0.01' };
const MARKET_SELL = { ...MARKET_BUY, side: 'sell' };

interface Scenario {
  readonly name: string;
  /** In clientOrderIds. */
  readonly key: string;
  /** Sent in turn by each connection, each with its own clientOrderId. */
  readonly bodies: readonly Readonly<Record<string, unknown>>[];
  /** Each order fills (once: the depth is ample), so fills reported must equal its orders. */
  readonly fills: boolean;
  readonly rounds: (options: BenchOptions) => number;
}

const SCENARIOS: readonly Scenario[] = [
  {
    name: 'POST /trade (limit, rests)',
    key: 'lim',
    bodies: [RESTING_LIMIT],
    fills: false,
    rounds: (options) => options.rounds,
  },
  {
    name: 'POST /trade (market, fills)',
    key: 'mkt',
    bodies: [MARKET_BUY, MARKET_SELL],
    fills: true,
    rounds: (options) => Math.max(1, Math.floor(options.rounds / 2)),
  },
];

/** A setup and the 201s the client received from it over the whole run. */
interface Target {
  readonly setup: StorageSetup;
  /** In clientOrderIds. */
  readonly key: string;
  received201: number;
}

async function main(): Promise<number> {
  // A longer warm-up than bench:api's: the order path is still warming its JIT well into its second second.
  const options = readBenchOptions(process.argv.slice(2), { BENCH_WARMUP: '2', ...process.env });
  const serverUrl = process.env.BENCH_DATABASE_URL ?? DEFAULT_SERVER_URL;
  const closers: (() => Promise<void>)[] = [];
  try {
    printHeader(options);
    const targets: Target[] = [];
    const start = async (key: string, label: string, storage: Parameters<typeof startStorageSetup>[1]) => {
      const setup = await startStorageSetup(label, storage);
      closers.push(() => setup.close());
      targets.push({ setup, key, received201: 0 });
    };

    // BENCH_SETUPS=pglite,pg,mem (the default: all three) runs only those: for profiling one at a time.
    const setups = new Set((process.env.BENCH_SETUPS ?? 'pglite,pg,mem').split(','));
    if (setups.has('pglite')) await start('pglite', 'PGlite (embedded)', {});
    const database = setups.has('pg') ? await postgres(serverUrl) : null;
    if (database) {
      closers.push(() => database.drop());
      await start('pg', database.label, { database });
    }
    if (setups.has('mem')) await start('mem', 'storage disabled', { inMemory: true });
    await smokeTest(targets);

    const load = new LoadGenerator();
    closers.push(() => load.close());
    const rows: SetupRow[] = [];
    let durable = true;
    for (const scenario of SCENARIOS) {
      const before = new Map(targets.map((t) => [t, snapshot(t.setup)]));
      rows.push(...(await measure(load, options, scenario, targets)));
      out(`    durability after "${scenario.name}":\n`);
      for (const target of targets) {
        const report = await checkDurability(target.setup, target.received201, AUTH);
        const filled = scenario.fills ? checkFilled(target.setup, before.get(target)) : undefined;
        durable &&= report.ok && (filled?.ok ?? true);
        out(`      ${report.line}${filled?.text ?? ''}\n`);
      }
    }

    out(`\n${formatOrdersTable(rows)}\n`);
    out(`\n${formatAddedLatencyTable(rows)}\n`);
    out(
      '\norders/s ×mem: the durable setup\'s orders/s as a fraction of "storage disabled" (lower = storage ' +
        'costs more); p99 ×mem: its p99 as a multiple of "storage disabled" (higher = storage costs more).\n' +
        'storage disabled: order and fill repositories in memory; the rest of the app (API keys, cached) ' +
        'is unchanged.\n',
    );
    if (!database && setups.has('pg'))
      out(`skipped: no PostgreSQL at ${redact(serverUrl)} (set BENCH_DATABASE_URL)\n`);

    const failures = rows.filter(failed);
    if (failures.length > 0 || !durable) {
      process.stderr.write(
        `\n!!! BENCH FAILED: ${failures.length} run(s) saw non-2xx responses or errors` +
          `${durable ? '' : '; stored orders or fills do not match what was answered (see above)'}.\n` +
          `${failures.map(describeFailure).join('\n')}\n`,
      );
      return 1;
    }
    out('All POST /trade answered 201; every 201 is a stored order and every fill is stored.\n');
    return 0;
  } finally {
    for (const close of closers.reverse()) await close();
  }
}

/** The PostgreSQL database of the run, or null (and a line saying so) when no server answers. */
async function postgres(serverUrl: string): Promise<BenchDatabase | null> {
  const database = await createBenchDatabase(serverUrl);
  if (database) {
    out(`  PostgreSQL: database ${redact(database.url)} (dropped after the run)\n`);
    return database;
  }
  if (process.env.BENCH_DATABASE_URL !== undefined)
    throw new Error(`BENCH_DATABASE_URL is set but nothing answers at ${redact(serverUrl)}`);
  out(`  skipped: no PostgreSQL at ${redact(serverUrl)} (set BENCH_DATABASE_URL to bench one)\n`);
  return null;
}

/** One order per setup before any load: each must answer 201, and all with the same fields. */
async function smokeTest(targets: readonly Target[]): Promise<void> {
  const shapes = new Map<string, string>();
  for (const target of targets) {
    const response = await fetch(new URL('/trade', target.setup.url), {
      method: 'POST',
      headers: { ...AUTH, 'content-type': 'application/json' },
      body: JSON.stringify({ ...RESTING_LIMIT, clientOrderId: `bench-${target.key}-smoke` }),
    });
    const text = await response.text();
    if (response.status !== 201)
      throw new Error(`${target.setup.label}: POST /trade answered ${response.status}: ${text}`);
    target.received201++;
    const { data } = JSON.parse(text) as { data: Record<string, unknown> };
    shapes.set(target.setup.label, Object.keys(data).sort().join(','));
  }
  if (new Set(shapes.values()).size > 1)
    throw new Error(
      `the setups answer POST /trade with different fields:\n${[...shapes]
        .map(([label, keys]) => `  ${label}: ${keys}`)
        .join('\n')}`,
    );
}

/**
 * Warms each setup up, then runs the rounds, alternating setups (A B C C B A …), waiting after each run
 * until that setup's writes are done; sums them up per setup.
 */
async function measure(
  load: LoadGenerator,
  options: BenchOptions,
  scenario: Scenario,
  targets: readonly Target[],
): Promise<SetupRow[]> {
  const rounds = scenario.rounds(options);
  const roundSeconds = options.durationSeconds / options.rounds;
  out(
    `  ${scenario.name}: ${options.warmupSeconds} s warm-up, ${rounds} × ${roundSeconds} s per setup` +
      " (orders/s of each run, +ms until that setup's writes were all done)\n   ",
  );
  const run = async (target: Target, phase: string, seconds: number): Promise<LoadResult> => {
    const job: LoadJob = {
      url: target.setup.url,
      method: 'POST',
      path: '/trade',
      headers: AUTH,
      bodies: scenario.bodies,
      uniqueClientOrderId: `bench-${target.key}-${scenario.key}-${phase}`,
      connections: options.connections,
      durationSeconds: seconds,
    };
    const result = await load.run(job);
    target.received201 += result.statusCounts['201'] ?? 0;
    const { ms } = await waitForWrites(target.setup);
    out(` ${target.key} ${(result.completed / result.seconds).toFixed(0)}+${ms.toFixed(0)}`);
    return result;
  };
  const warmups = new Map<Target, Summary>();
  if (options.warmupSeconds > 0)
    for (const target of targets)
      warmups.set(target, summarize([await run(target, 'warm', options.warmupSeconds)]));
  for (const target of targets) target.setup.adapterLatency.take();
  const added = new Map<Target, number[]>();
  const results = new Map<Target, LoadResult[]>();
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? targets : [...targets].reverse();
    for (const target of order) {
      results.set(target, [...(results.get(target) ?? []), await run(target, `r${round}`, roundSeconds)]);
      added.set(target, [...(added.get(target) ?? []), ...target.setup.adapterLatency.take()]);
    }
  }
  out('\n');
  return targets.map((target) => ({
    scenario: scenario.name,
    label: target.setup.label,
    durable: target.setup.durable,
    result: summarize(results.get(target) ?? []),
    warmup: warmups.get(target),
    added: summarizeAdded(added.get(target) ?? []),
  }));
}

function snapshot(setup: StorageSetup): { created: number; fills: number } {
  return { created: setup.tradeAnswers.get(201) ?? 0, fills: setup.fillsReported() };
}

/** A scenario whose orders all fill: one fill reported per order it placed. */
function checkFilled(
  setup: StorageSetup,
  before: { created: number; fills: number } | undefined,
): { ok: boolean; text: string } {
  const now = snapshot(setup);
  const orders = now.created - (before?.created ?? 0);
  const fills = now.fills - (before?.fills ?? 0);
  return fills === orders
    ? { ok: true, text: `; each of its ${orders} market orders filled once` }
    : { ok: false, text: ` — MISMATCH: ${orders} market orders, ${fills} fills` };
}

function printHeader(options: BenchOptions): void {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  out(
    `bench:orders — node ${process.version}, ${availableParallelism()} cores (${cpu})\n` +
      `  ${options.connections} connections; apps on the main thread, autocannon in a worker thread\n`,
  );
}

function out(text: string): void {
  process.stdout.write(text);
}

runBench(main);
