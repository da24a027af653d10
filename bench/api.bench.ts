/**
 * npm run bench:api — the order path and a read path of the real app under autocannon, each beside a bare
 * Fastify route answering the same bytes, so the ratio says what Edgerunner's stack costs on this machine.
 *
 * Layout: the servers (the app and the reference; only one is under load at a time) run in this main
 * thread, and autocannon runs in a worker thread (support/load-worker.ts). The machine has 2 cores: a worker
 * is its own isolate and event loop, so client and server each get a core rather than time-slicing one, and
 * both targets are measured by the same client under the same conditions.
 *
 * Noise: each target gets a warm-up, then the measured time is split into rounds that alternate between
 * the targets (A B B A …), so a burst of load from elsewhere on the machine lands on both, not on one.
 *
 * Knobs: --duration / BENCH_DURATION (measured s per scenario and target, default 8), --rounds /
 * BENCH_ROUNDS (default 4), --warmup / BENCH_WARMUP (s, default 1), --connections / BENCH_CONNECTIONS
 * (default 10). Exits 1 when any run saw a non-2xx or a socket error.
 */
import 'reflect-metadata';
import { availableParallelism, cpus } from 'node:os';
import { readBenchOptions, type BenchOptions } from './support/bench-options.js';
import { BENCH_API_KEY, startBenchApp } from './support/edgerunner-app.js';
import { LoadGenerator } from './support/load-generator.js';
import type { LoadJob, LoadResult } from './support/load-job.js';
import { startReferenceServer, type CapturedResponse } from './support/reference-server.js';
import { describeFailure, failed, formatLoadTable, type LoadRow } from './support/report.js';

type Target = 'edgerunner' | 'bare fastify';
import { summarize, type Summary } from './support/stats.js';
import { runBench } from './support/run-bench.js';

const AUTH = { authorization: `Bearer ${BENCH_API_KEY}` };
/** Bought before measuring, so GET /positions has positions to price. */
const SEED_ORDERS = [
  { symbol: 'ETHUSDT', side: 'buy', type: 'market', quantity: '0.01' },
  { symbol: 'BTCUSDT', side: 'buy', type: 'market', quantity: '0.001' },
] as const;
/** Far below the market (ETH starts near 3200), so it rests: ~1 USD of margin each, never fills. */
const RESTING_LIMIT = {
  symbol: 'ETHUSDT',
  side: 'buy',
  type: 'limit',
  price: '100',
  quantity: '0.01',
} as const;

interface Scenario {
  readonly name: string;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body?: Readonly<Record<string, unknown>>;
  /** Each request a new order (its own clientOrderId), not an idempotent replay of the first. */
  readonly uniqueOrders?: boolean;
}

const SCENARIOS: readonly Scenario[] = [
  { name: 'GET /positions', method: 'GET', path: '/positions' },
  {
    name: 'POST /trade (limit, rests)',
    method: 'POST',
    path: '/trade',
    body: RESTING_LIMIT,
    uniqueOrders: true,
  },
];

async function main(): Promise<number> {
  const options = readBenchOptions(process.argv.slice(2), process.env);
  const closers: (() => Promise<void>)[] = [];
  try {
    const app = await startBenchApp();
    closers.push(() => app.close());
    for (const order of SEED_ORDERS) await call(app.url, 'POST', '/trade', order);
    const positions = await call(app.url, 'GET', '/positions');
    const positionCount = (JSON.parse(positions.body) as { data: unknown[] }).data.length;
    if (positionCount === 0)
      throw new Error(`GET /positions is empty after the seed orders: ${positions.body}`);
    const trade = await call(app.url, 'POST', '/trade', { ...RESTING_LIMIT, clientOrderId: 'bench-capture' });

    const reference = await startReferenceServer({
      get: { path: '/positions', response: positions },
      post: { path: '/trade', response: trade },
    });
    closers.push(() => reference.close());
    const load = new LoadGenerator();
    closers.push(() => load.close());

    printSetup(options, positionCount);
    const rows: LoadRow[] = [];
    for (const scenario of SCENARIOS)
      rows.push(
        ...(await measure(load, options, scenario, [
          ['edgerunner', app.url],
          ['bare fastify', reference.url],
        ])),
      );

    process.stdout.write(
      `\n${formatLoadTable(rows, {
        labelTitle: 'target',
        unit: 'req',
        referenceName: 'bare',
        referenceOf: (row, all) =>
          row.label === 'edgerunner'
            ? all.find((r) => r.scenario === row.scenario && r.label === 'bare fastify')
            : undefined,
      })}\n`,
    );
    process.stdout.write(
      '\nreq/s ×bare: edgerunner throughput as a fraction of bare Fastify (higher is better); ' +
        'p99 ×bare: edgerunner p99 as a multiple of bare Fastify (lower is better).\n',
    );
    const placed = rows
      .filter((row) => row.label === 'edgerunner' && row.scenario.startsWith('POST /trade'))
      .reduce((sum, row) => sum + twoHundreds(row.result) + (row.warmup ? twoHundreds(row.warmup) : 0), 0);
    process.stdout.write(`Resting orders placed through the API during the run: ${placed}.\n`);

    const failures = rows.filter(failed);
    if (failures.length > 0) {
      process.stderr.write(
        `\n!!! BENCH FAILED: ${failures.length} run(s) saw non-2xx responses or errors; ` +
          'their figures are not comparable.\n' +
          `${failures.map(describeFailure).join('\n')}\n`,
      );
      return 1;
    }
    process.stdout.write('All runs answered 2xx only.\n');
    return 0;
  } finally {
    for (const close of closers.reverse()) await close();
  }
}

/** Warms each target up, then runs the rounds, alternating targets (A B B A …), and sums them up per target. */
async function measure(
  load: LoadGenerator,
  options: BenchOptions,
  scenario: Scenario,
  targets: readonly (readonly [Target, string])[],
): Promise<LoadRow[]> {
  const job = (target: Target, url: string, phase: string, durationSeconds: number): LoadJob => ({
    url,
    method: scenario.method,
    path: scenario.path,
    headers: AUTH,
    ...(scenario.body === undefined ? {} : { body: scenario.body }),
    ...(scenario.uniqueOrders === true
      ? { uniqueClientOrderId: `bench-${target === 'edgerunner' ? 'er' : 'ref'}-${phase}` }
      : {}),
    connections: options.connections,
    durationSeconds,
  });
  process.stdout.write(`  ${scenario.name}:`);
  const warmups = new Map<Target, Summary>();
  if (options.warmupSeconds > 0)
    for (const [target, url] of targets)
      warmups.set(target, summarize([await load.run(job(target, url, 'warm', options.warmupSeconds))]));
  const rounds = new Map<Target, LoadResult[]>();
  const roundSeconds = options.durationSeconds / options.rounds;
  for (let round = 0; round < options.rounds; round++) {
    const order = round % 2 === 0 ? targets : [...targets].reverse();
    for (const [target, url] of order) {
      const result = await load.run(job(target, url, `r${round}`, roundSeconds));
      rounds.set(target, [...(rounds.get(target) ?? []), result]);
      process.stdout.write(
        ` ${target === 'edgerunner' ? 'er' : 'ref'} ${(result.completed / result.seconds).toFixed(0)}`,
      );
    }
  }
  process.stdout.write(' req/s\n');
  return targets.map(([target]) => ({
    scenario: scenario.name,
    label: target,
    result: summarize(rounds.get(target) ?? []),
    warmup: warmups.get(target),
  }));
}

/** One request to the real app, which must answer 2xx; its answer is what the reference will serve. */
async function call(
  base: string,
  method: 'GET' | 'POST',
  path: string,
  body?: object,
): Promise<CapturedResponse> {
  const response = await fetch(new URL(path, base), {
    method,
    headers: body === undefined ? AUTH : { ...AUTH, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? 'application/json; charset=utf-8',
    body: text,
  };
}

function printSetup(options: BenchOptions, positionCount: number): void {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  process.stdout.write(
    `bench:api — node ${process.version}, ${availableParallelism()} cores (${cpu})\n` +
      `  ${options.connections} connections; per scenario and target ${options.warmupSeconds} s warm-up, then ` +
      `${options.durationSeconds} s measured in ${options.rounds} rounds alternating targets\n` +
      '  servers on the main thread, autocannon in a worker thread\n' +
      `  GET /positions returns ${positionCount} position(s); POST /trade places a new resting limit order ` +
      'per request (unique clientOrderId)\n\n',
  );
}

function twoHundreds(result: Summary): number {
  return Object.entries(result.statusCounts)
    .filter(([status]) => status.startsWith('2'))
    .reduce((sum, [, count]) => sum + count, 0);
}

runBench(main);
