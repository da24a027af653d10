/**
 * npm run bench:trades — GET /trades on a trade log of a million fills, through the real app over HTTP,
 * beside the same query sent straight to the database in the same run, so the ratio is the API's own cost
 * (Nest, auth, validation, mapping, JSON, HTTP) on this machine. Then a CSV export, streamed.
 *
 * Databases: PGlite always (in a temporary directory); PostgreSQL too when a server answers at
 * DATABASE_URL (default postgres://127.0.0.1:5432/test), in a database created for the run and dropped
 * after it. A server database whose name lacks "test" or "bench" is refused.
 *
 * Layout: the app and the direct queries run in this main thread, autocannon (one connection, so each
 * request's latency is its own, as for the one-at-a-time direct queries) in a worker thread. The measured
 * seconds alternate between the two (sql http http sql …) so a burst of noise lands on both.
 *
 * Knobs (environment): BENCH_FILLS (default 1000000), BENCH_ROUND_SECONDS (default 2), BENCH_ROUNDS
 * (default 2, per target and scenario), DATABASE_URL. Exits 1 on any non-2xx answer or a wrong page.
 */
import 'reflect-metadata';
import { availableParallelism, cpus } from 'node:os';
import type { Database } from '../src/persistence/database.js';
import { DATABASE } from '../src/persistence/database.js';
import { openDatabase } from '../src/persistence/open-database.js';
import { BENCH_API_KEY, startBenchApp } from './support/edgerunner-app.js';
import { LoadGenerator } from './support/load-generator.js';
import type { LoadResult } from './support/load-job.js';
import { summarize } from './support/stats.js';
import { pgliteBenchDatabase, postgresBenchDatabase, type BenchDatabase } from './trades/bench-database.js';
import { measureCsvExport } from './trades/csv-export.js';
import { explain } from './trades/explain.js';
import { measureDirect } from './trades/measure-direct.js';
import { buildScenarios, PAGE, type Scenario } from './trades/scenarios.js';
import { seedFills } from './trades/seed-fills.js';
import { formatTradesTable, type DirectOrHttp, type TradesRow } from './trades/trades-report.js';
import { verifyScenario } from './trades/verify-scenario.js';
import { runBench } from './support/run-bench.js';

const FILLS = positive('BENCH_FILLS', 1_000_000);
const ROUND_SECONDS = positive('BENCH_ROUND_SECONDS', 2);
const ROUNDS = positive('BENCH_ROUNDS', 2);
const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://127.0.0.1:5432/test';
const AUTH = { authorization: `Bearer ${BENCH_API_KEY}` };

async function main(): Promise<number> {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  out(
    `bench:trades — node ${process.version}, ${availableParallelism()} cores (${cpu})\n` +
      `  ${FILLS.toLocaleString('en')} fills; per scenario and target 1 s warm-up, then ${ROUNDS} × ` +
      `${ROUND_SECONDS} s alternating SQL and HTTP; pages of ${PAGE}; autocannon with 1 connection\n`,
  );
  const databases: BenchDatabase[] = [await pgliteBenchDatabase()];
  const postgres = await postgresBenchDatabase(SERVER_URL);
  if (postgres) databases.push(postgres);
  else if (process.env.DATABASE_URL !== undefined) throw new Error(`no PostgreSQL answers at ${SERVER_URL}`);
  else out(`SKIPPED: PostgreSQL: nothing answers at ${SERVER_URL}\n`);

  const load = new LoadGenerator();
  const rows: TradesRow[] = [];
  try {
    for (const database of databases) {
      try {
        rows.push(...(await benchDatabase(database, load)));
      } finally {
        await database.drop();
      }
    }
  } finally {
    await load.close();
  }
  out(`\n${formatTradesTable(rows)}\n`);
  out(
    '\nsql: the page query sent straight to the database from this process (the reference); http: GET ' +
      '/trades through the app. ×sql: the HTTP latency as a multiple of the SQL latency.\n',
  );
  const failed = rows.filter((row) => row.result.non2xx + row.result.errors > 0);
  if (failed.length > 0) {
    process.stderr.write(`\n!!! BENCH FAILED: ${failed.length} run(s) saw non-2xx answers or errors\n`);
    return 1;
  }
  return 0;
}

async function benchDatabase(database: BenchDatabase, load: LoadGenerator): Promise<TradesRow[]> {
  out(`\n== ${database.label}\n`);
  const seeding = performance.now();
  const opened = await openDatabase(database.options);
  try {
    await seedFills(opened.db, FILLS, (done) => out(`\r  seeding: ${done.toLocaleString('en')} fills`));
  } finally {
    await opened.close();
  }
  out(` in ${((performance.now() - seeding) / 1000).toFixed(1)} s (generate_series, then ANALYZE)\n`);

  const app = await startBenchApp({ env: database.appEnv });
  try {
    const db = app.app.get<symbol, Database>(DATABASE);
    const scenarios = await buildScenarios(db, FILLS);
    for (const scenario of scenarios) await verifyScenario(app.url, db, scenario);
    out(`  every scenario's HTTP page has ${PAGE} fills, the same as its SQL\n`);
    out(`\n  EXPLAIN ANALYZE (${database.label}):\n`);
    for (const scenario of scenarios) out(`  -- ${scenario.name}\n${await explain(db, scenario.query)}\n`);

    const rows: TradesRow[] = [];
    out('\n  measuring:');
    for (const scenario of scenarios)
      rows.push(...(await measure(database.label, app.url, db, load, scenario)));
    out('\n');

    for (const [name, path] of csvExports(database)) {
      const csv = await measureCsvExport(app.url, path);
      out(
        `  ${name}: ${csv.rows.toLocaleString('en')} rows, ${(csv.bytes / 1e6).toFixed(1)} MB in ` +
          `${(csv.totalMs / 1000).toFixed(2)} s (${Math.round(csv.rows / (csv.totalMs / 1000)).toLocaleString('en')} ` +
          `rows/s; first byte after ${csv.firstByteMs.toFixed(0)} ms); process RSS rose at most ` +
          `${(csv.peakRssGrowthBytes / 1e6).toFixed(0)} MB\n`,
      );
    }
    return rows;
  } finally {
    await app.close();
  }
}

/**
 * The CSV exports to time: a quarter of the log everywhere, the whole of it on a server (PGlite reads
 * about 25,000 rows/s here, so its whole-log export alone would take 40 s of the run).
 */
function csvExports(database: BenchDatabase): (readonly [string, string])[] {
  return [
    ['CSV, account+symbol', '/trades?format=csv&account=bench-1&symbol=ETHUSDT'],
    database.options.url === undefined
      ? ['CSV, one account', '/trades?format=csv&account=bench-2']
      : ['CSV, the whole log', '/trades?format=csv'],
  ];
}

/** Warms both targets up, then alternates them (sql http http sql …) for the measured rounds. */
async function measure(
  label: string,
  url: string,
  db: Database,
  load: LoadGenerator,
  scenario: Scenario,
): Promise<TradesRow[]> {
  const run = (target: DirectOrHttp, seconds: number): Promise<LoadResult> =>
    target === 'sql'
      ? measureDirect(db, scenario.query, seconds)
      : load.run({
          url,
          method: 'GET',
          path: scenario.path,
          headers: AUTH,
          connections: 1,
          durationSeconds: seconds,
        });
  await run('sql', 1);
  await run('http', 1);
  const results: Record<DirectOrHttp, LoadResult[]> = { sql: [], http: [] };
  for (let round = 0; round < ROUNDS; round++) {
    const order: DirectOrHttp[] = round % 2 === 0 ? ['sql', 'http'] : ['http', 'sql'];
    for (const target of order) results[target].push(await run(target, ROUND_SECONDS));
  }
  out(` ${scenario.name} ✓`);
  return (['sql', 'http'] as const).map((target) => ({
    database: label,
    scenario: scenario.name,
    target,
    result: summarize(results[target]),
  }));
}

function positive(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

function out(text: string): void {
  process.stdout.write(text);
}

runBench(main);
